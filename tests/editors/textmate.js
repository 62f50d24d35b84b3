// Tokenizes tests/editors/sample.okr with VS Code's own TextMate engine
// (vscode-textmate on vscode-oniguruma) and the grammar of editors/vscode,
// and checks the scopes of the tokens tests/editors/expect.txt names.
// usage: node textmate.js NODE_MODULES_DIR
"use strict";
const fs = require("fs");
const path = require("path");
const modules = path.resolve(process.argv[2]);
const vsctm = require(path.join(modules, "vscode-textmate"));
const oniguruma = require(path.join(modules, "vscode-oniguruma"));
const here = __dirname;
const grammarPath = path.join(here, "../../editors/vscode/syntaxes/okr.tmLanguage.json");

// The class of expect.txt -> the scope the token must carry ("plain": none
// but the grammar's own).
const SCOPES = {
  comment: "comment.line.number-sign.okr",
  declaration: "storage.type.okr",
  keyword: "keyword.other.okr",
  name: "entity.name.type.okr",
  string: "string.quoted.double.okr",
  text: "string.quoted.triple.okr",
  escape: "constant.character.escape.okr",
  number: "constant.numeric.okr",
  unit: "keyword.other.unit.okr",
  date: "constant.numeric.date.okr",
  period: "constant.numeric.period.okr",
  person: "variable.other.person.okr",
  ignore: "keyword.control.directive.okrc-ignore.okr",
  rule: "entity.name.tag.rule.okr",
  operator: "keyword.operator.okr",
  ref: "variable.other.member.okr",
  tag: "entity.name.tag.okr",
};

async function main() {
  const wasm = fs.readFileSync(path.join(modules, "vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === "source.okr"
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar("source.okr");
  const lines = fs.readFileSync(path.join(here, "sample.okr"), "utf8").split("\n");
  const tokens = [];
  let stack = vsctm.INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, stack);
    tokens.push(r.tokens);
    stack = r.ruleStack;
  }
  let failed = 0, checked = 0;
  for (const row of fs.readFileSync(path.join(here, "expect.txt"), "utf8").split("\n")) {
    if (!row || row.startsWith("#")) continue;
    const [lineNo, spec, cls] = row.split("\t");
    const [text, nth] = spec.split(/#(?=\d+$)/);
    const line = lines[Number(lineNo) - 1];
    let col = -1;
    for (let i = 0; i < Number(nth || 1); i++) col = line.indexOf(text, col + 1);
    if (col < 0) { console.log(`FAIL: '${spec}' is not on line ${lineNo}`); failed++; continue; }
    const end = col + text.length;
    for (const t of tokens[Number(lineNo) - 1]) {
      if (t.endIndex <= col || t.startIndex >= end) continue;
      const ok = cls === "plain" ? t.scopes.length === 1 : t.scopes.includes(SCOPES[cls]);
      if (!ok) {
        console.log(`FAIL: ${lineNo}:${col + 1} '${line.slice(t.startIndex, t.endIndex)}' of '${text}' ` +
                    `should be ${cls} (${SCOPES[cls] || "no scope"}), has ${t.scopes.join(" ")}`);
        failed++;
      }
    }
    checked++;
  }
  if (checked < 50) { console.log(`FAIL: only ${checked} expectations checked`); failed++; }
  console.log(`textmate: ${checked} tokens checked, ${failed} failures`);
  process.exitCode = failed ? 1 : 0;
}
main().catch((e) => { console.log("FAIL: " + (e.stack || e)); process.exitCode = 1; });
