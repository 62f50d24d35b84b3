// Scripted sessions with `okrc lsp` through vscode-jsonrpc, the protocol
// library of VS Code's language client. Usage: node session.js NAME; $OKRC is
// the okrc under test, $LSP_NODE the directory holding node_modules. Each
// session prints "ok ..." lines and exits non-zero at the first failure.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const cp = require('child_process');
const rpc = require(path.join(process.env.LSP_NODE, 'node_modules', 'vscode-jsonrpc', 'node'));

const OKRC = process.env.OKRC;
const TOP = path.resolve(__dirname, '..', '..');
const AS_OF = '2027-02-15';

function fail(msg) { console.log('FAIL: ' + msg); process.exit(1); }
function ok(msg) { console.log('ok ' + msg); }
function eq(a, b, what) {
    const sa = JSON.stringify(a), sb = JSON.stringify(b);
    if (sa !== sb) fail(`${what}:\n  got      ${sa}\n  expected ${sb}`);
}
const uriOf = (p) => 'file://' + p.split('/').map(encodeURIComponent).join('/');

function start(extraArgs = []) {
    const child = cp.spawn(OKRC, ['lsp', ...(process.env.LSP_LOG ? ['--log', process.env.LSP_LOG] : []), ...extraArgs], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout),
                                            new rpc.StreamMessageWriter(child.stdin));
    const diags = new Map();        // uri -> list of diagnostics, latest
    const waiters = [];
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
        diags.set(p.uri, p.diagnostics);
        for (const w of waiters.splice(0)) w(p);
    });
    conn.listen();
    const exited = new Promise((res) => child.on('exit', (code) => res(code)));
    return {
        child, conn, diags, exited,
        nextDiagnostics(uri) {
            return new Promise((res) => {
                // No answer in 60 s is a failure with a message, not a silent hang.
                const timer = setTimeout(() => fail('no publishDiagnostics for ' + uri), 60000);
                const wait = (p) => (p.uri === uri ? (clearTimeout(timer), res(p.diagnostics)) : waiters.push(wait));
                waiters.push(wait);
            });
        },
        async init(caps = {}) {
            return conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: caps,
                                                    initializationOptions: { asOf: AS_OF } });
        },
        async open(file, text) {
            const uri = uriOf(file);
            const p = this.nextDiagnostics(uri);
            conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'okr', version: 1,
                text: text !== undefined ? text : fs.readFileSync(file, 'utf8') } });
            return p;
        },
        async change(file, text, version = 2) {
            const uri = uriOf(file);
            const p = this.nextDiagnostics(uri);
            conn.sendNotification('textDocument/didChange', { textDocument: { uri, version },
                                                              contentChanges: [{ text }] });
            return p;
        },
        async stop() {
            await conn.sendRequest('shutdown');
            conn.sendNotification('exit');
            const code = await exited;
            conn.dispose();
            return code;
        },
    };
}

// What `okrc check --format json` reports in file, as LSP diagnostics would
// place them: 0-based lines, columns in UTF-16 code units.
function checkFindings(file) {
    const r = cp.spawnSync(OKRC, ['check', '--format', 'json', '--as-of', AS_OF, file], { encoding: 'utf8' });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const col = (line, c) => [...(lines[line - 1] || '')].slice(0, c - 1).join('').length;
    return JSON.parse(r.stdout).diagnostics.filter((d) => d.file === file).map((d) => ({
        line: d.line - 1, character: col(d.line, d.column), endLine: d.end_line - 1,
        endCharacter: col(d.end_line, d.end_column), rule: d.rule, message: d.message,
        severity: { error: 1, warning: 2, info: 3 }[d.severity],
        related: (d.notes || []).map((n) => n.message),
    }));
}
const asFindings = (list) => list.map((d) => ({
    line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line,
    endCharacter: d.range.end.character, rule: d.code, message: d.message, severity: d.severity,
    related: (d.relatedInformation || []).map((n) => n.message),
}));

// The position of the nth (0-based) occurrence of needle in text, plus delta characters.
function posOf(text, needle, nth = 0, delta = 0) {
    let i = -1;
    for (let k = 0; k <= nth; k++) { i = text.indexOf(needle, i + 1); if (i < 0) fail(`no ${needle} #${nth}`); }
    const before = text.slice(0, i + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}
const lineOf = (text, needle, nth = 0) => posOf(text, needle, nth).line;

// Applies LSP text edits (one line each, as ours are) to text.
function applyEdits(text, edits) {
    const lines = text.split('\n');
    for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
        const l = e.range.start.line;
        const line = lines[l] || '';
        const head = line.slice(0, e.range.start.character), tail = (lines[e.range.end.line] || '').slice(e.range.end.character);
        lines.splice(l, e.range.end.line - l + 1, ...(head + e.newText + tail).split('\n'));
    }
    return lines.join('\n');
}

const sessions = {
    // Semantic tokens: decoded with the legend, each word is what it is:
    // keywords, ids as what they name (declaration or reference), units,
    // numbers, strings, comments, people; in order, none over two lines.
    async tokens() {
        const file = path.join(TOP, 'examples/acme-2027.okr');
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        const s = start();
        const init = await s.init();
        const legend = init.capabilities.semanticTokensProvider.legend;
        await s.open(file);
        const { data } = await s.conn.sendRequest('textDocument/semanticTokens/full',
            { textDocument: { uri: uriOf(file) } });
        const toks = [];
        let line = 0, ch = 0;
        for (let i = 0; i < data.length; i += 5) {
            line += data[i];
            ch = data[i] ? data[i + 1] : ch + data[i + 1];
            const text = lines[line].slice(ch, ch + data[i + 2]);
            toks.push({ line, ch, len: data[i + 2], text, type: legend.tokenTypes[data[i + 3]],
                        decl: (data[i + 4] & 1) === 1 });
        }
        for (let i = 1; i < toks.length; i++)
            if (toks[i].line === toks[i - 1].line && toks[i].ch < toks[i - 1].ch + toks[i - 1].len)
                fail('overlapping tokens: ' + JSON.stringify([toks[i - 1], toks[i]]));
        if (toks.some((t) => t.ch + t.len > lines[t.line].length)) fail('a token runs past its line');
        const on = (n, text) => toks.filter((t) => t.line === n - 1 && t.text === text).map((t) => [t.type, t.decl]);
        eq(on(45, 'kr'), [['keyword', false]], 'kr is a keyword');
        eq(on(45, 'pipeline'), [['property', true]], 'a key result declared');
        eq(on(45, '"Qualified pipeline at quarter end"'), [['string', false]], 'a title');
        eq(on(45, '3M'), [['number', false]], 'a number');
        eq(on(45, 'USD'), [['type', false], ['type', false]], 'units');
        eq(on(98, 'q1_sales'), [['class', false]], 'an objective referred to');
        eq(on(98, 'pipeline'), [['property', false]], 'a key result referred to');
        eq(on(96, '@maria'), [['parameter', false]], 'a person');
        eq(on(46, lines[45].trim()), [['comment', false]], 'a comment');
        ok(`semantic tokens: ${toks.length}, in order, each what it names`);
        eq(await s.stop(), 0, 'exit status');
    },
    // Rename across the files of a plan: every occurrence, '@' kept for
    // people; keywords, collisions and keywords under the cursor refused.
    async rename() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okrc-lsp-rename-'));
        cp.execFileSync('git', ['init', '-q', dir]);
        fs.mkdirSync(path.join(dir, 'teams'));
        const main = path.join(dir, 'main.okr'), sales = path.join(dir, 'teams', 'sales.okr');
        fs.writeFileSync(main, 'plan "Company" { period 2027-Q1  owner @ceo }\nuse "./teams/sales.okr"\n' +
            'person @ceo "Chief"\nperson @ana "Ana"\n' +
            'objective company "Be the first choice of shops in Europe" {\n  owner @ceo\n' +
            '  kr shops "Shops that pay for the app" { from 100 to 400 shops }\n}\n' +
            'checkin 2027-02-01 by @ana {\n  growth.accounts = 45 accounts\n  company.shops = 150 shops\n}\n');
        const salesText = 'team sales "Sales"\n\nobjective growth "Grow the paying customer base in Europe" {\n' +
            '  team sales\n  owner @ana\n  aligns company.shops\n' +
            '  kr accounts "Paying accounts in Europe" { from 40 to 60 accounts }\n}\n' +
            'objective retention "Keep the paying customers we have" {\n  team sales\n  owner @ana\n' +
            '  kr churn "Monthly churn of paying accounts" { from 5% to 3% }\n}\n';
        fs.writeFileSync(sales, salesText);
        const s = start();
        const init = await s.init();
        eq(init.capabilities.renameProvider, { prepareProvider: true }, 'rename offered with prepare');
        await s.open(sales);
        const uri = uriOf(sales), mainUri = uriOf(main);
        const pos = (text, word, extra = 0) => {
            const i = text.indexOf(word) + extra, before = text.slice(0, i).split('\n');
            return { line: before.length - 1, character: before[before.length - 1].length };
        };
        const prep = await s.conn.sendRequest('textDocument/prepareRename',
            { textDocument: { uri }, position: pos(salesText, 'growth "') });
        eq(prep.placeholder, 'growth', 'prepareRename names the id');
        const edit = await s.conn.sendRequest('textDocument/rename',
            { textDocument: { uri }, position: pos(salesText, 'growth "'), newName: 'expansion' });
        eq(Object.keys(edit.changes).sort(), [mainUri, uri].sort(), 'both files edited');
        const renamed = applyEdits(salesText, edit.changes[uri]);
        if (!renamed.includes('objective expansion "')) fail('declaration not renamed:\n' + renamed);
        const mainRenamed = applyEdits(fs.readFileSync(main, 'utf8'), edit.changes[mainUri]);
        if (!mainRenamed.includes('  expansion.accounts = 45 accounts')) fail('check-in not renamed:\n' + mainRenamed);
        ok('rename of an objective: its declaration and the check-in in the other file');
        const kr = await s.conn.sendRequest('textDocument/rename',
            { textDocument: { uri }, position: pos(salesText, 'shops'), newName: 'paying_shops' });
        const mainKr = applyEdits(fs.readFileSync(main, 'utf8'), kr.changes[mainUri]);
        if (!mainKr.includes('kr paying_shops "') || !mainKr.includes('company.paying_shops = 150'))
            fail('key result not renamed everywhere:\n' + mainKr);
        if (!applyEdits(salesText, kr.changes[uri]).includes('aligns company.paying_shops')) fail('aligns not renamed');
        ok('rename of a key result from a reference: declaration, aligns, check-in');
        const who = await s.conn.sendRequest('textDocument/rename',
            { textDocument: { uri }, position: pos(salesText, '@ana', 1), newName: 'anna' });
        const mainWho = applyEdits(fs.readFileSync(main, 'utf8'), who.changes[mainUri]);
        if (!mainWho.includes('person @anna "Ana"') || !mainWho.includes('by @anna {')) fail('person not renamed:\n' + mainWho);
        eq(applyEdits(salesText, who.changes[uri]).split('owner @anna').length, 3, 'both owners renamed');
        ok('rename of a person: the handle keeps its @ everywhere');
        const refused = async (position, newName, what) => {
            try {
                await s.conn.sendRequest(newName ? 'textDocument/rename' : 'textDocument/prepareRename',
                    { textDocument: { uri }, position, newName });
            } catch (e) { eq(e.code, -32803, what); return; }
            fail(what + ': accepted');
        };
        await refused(pos(salesText, 'growth "'), 'retention', 'a name taken');
        await refused(pos(salesText, 'growth "'), 'plan', 'a keyword');
        await refused(pos(salesText, 'growth "'), 'two words', 'not an id');
        await refused(pos(salesText, 'objective growth'), null, 'prepareRename on a keyword');
        ok('rename refused: a name taken, a keyword, not an id, a keyword under the cursor');
        eq(await s.stop(), 0, 'exit status');
        fs.rmSync(dir, { recursive: true });
    },
    // Formatting: the edits give what `okrc fmt` writes; a document that does
    // not parse is refused with RequestFailed, and a formatted one needs none.
    async format() {
        const file = path.join(os.tmpdir(), 'okrc-lsp-format.okr');
        const text = 'plan   "P" {period 2027 owner @ceo}\n# the sales team\nteam sales "Sales"\n' +
            'objective grow "Grow the annual revenue of the shops" { team sales\n' +
            '     kr revenue "Average annual revenue in dollars" {from 12 to 24}   # yearly\n}\n';
        const uri = uriOf(file);
        const s = start();
        const init = await s.init();
        eq(init.capabilities.documentFormattingProvider, true, 'formatting offered');
        await s.open(file, text);
        const options = { tabSize: 2, insertSpaces: true };
        const edits = await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options });
        const formatted = applyEdits(text, edits);
        const expected = cp.execFileSync(OKRC, ['fmt', '-'], { input: text }).toString();
        eq(formatted, expected, 'formatting as okrc fmt');
        await s.change(file, formatted, 2);
        eq(await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options }), [],
           'no edits for a formatted document');
        await s.change(file, formatted.replace('{ from 12 to 24 }', '{ from 12 to 24'), 3);
        try {
            await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options });
            fail('a document with a syntax error was formatted');
        } catch (e) {
            eq(e.code, -32803, 'RequestFailed for a document that does not parse');
        }
        // Errors of meaning (a date not in the calendar, a confidence of 11) are
        // check's: the document is formatted, as okrc fmt formats the file.
        const meaning = formatted.replace('{ from 12 to 24 }', '{ from 12 to 24  confidence 11 }') +
            'checkin 2027-02-30 {   grow.revenue = 13 }\n';
        await s.change(file, meaning, 4);
        const fixed = applyEdits(meaning, await s.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options }));
        eq(fixed, cp.execFileSync(OKRC, ['fmt', '-'], { input: meaning }).toString(), 'errors of meaning formatted as okrc fmt');
        ok('formatting: as okrc fmt, none when formatted, refused when it does not parse, done despite errors of meaning');
        eq(await s.stop(), 0, 'exit status');
    },
    // Code actions that fix what they claim, applied and re-checked; inlay hints.
    async actions() {
        const file = path.join(os.tmpdir(), 'okrc-lsp-actions.okr');
        let text = 'plan "P" { period 2027 owner @ceo }\nteam sales "Sales"\n' +
            'objective grow "Double annual recurring revenue" {\n  team salse\n' +
            '  kr revenue "Average annual revenue in dollars" { from 12 to 24 }\n}\n';
        const uri = uriOf(file);
        const s = start();
        await s.init();
        let diags = await s.open(file, text);
        const actionsFor = (d) => s.conn.sendRequest('textDocument/codeAction',
            { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        const typo = diags.find((d) => d.code === 'unknown-ref');
        const fixes = await actionsFor(typo);
        eq(fixes.map((a) => a.title), ["Change to 'sales'"], 'actions for a typo (structural: no ignore)');
        text = applyEdits(text, fixes[0].edit.changes[uri]);
        diags = await s.change(file, text, 3);
        eq(diags.filter((d) => d.code === 'unknown-ref'), [], 'the did-you-mean fix applied');
        const owner = diags.find((d) => d.code === 'missing-owner');
        const addOwner = (await actionsFor(owner)).find((a) => a.title.startsWith("Add 'owner"));
        if (!addOwner) fail('no action adding an owner');
        eq(addOwner.title, "Add 'owner @ceo' to objective 'grow'", 'the owner action names the plan owner');
        const owned = applyEdits(text, addOwner.edit.changes[uri]);
        if (!owned.includes('{\n  owner @ceo\n')) fail('owner line not after the brace:\n' + owned);
        eq((await s.change(file, owned, 5)).filter((d) => d.code === 'missing-owner'), [], 'the owner action applied');
        diags = await s.change(file, text, 6);
        const ignore = (await actionsFor(owner)).find((a) => a.title.includes('okrc-ignore'));
        text = applyEdits(text, ignore.edit.changes[uri]);
        if (!text.includes('  # okrc-ignore: missing-owner\n  kr revenue')) fail('ignore comment not above the line:\n' + text);
        diags = await s.change(file, text, 7);
        eq(diags.filter((d) => d.code === 'missing-owner'), [], 'the okrc-ignore action applied');
        ok('code actions: did-you-mean, an owner, okrc-ignore, each applied and re-checked');
        const acme = path.join(TOP, 'examples/acme-2027.okr');
        await s.open(acme);
        const hints = await s.conn.sendRequest('textDocument/inlayHint',
            { textDocument: { uri: uriOf(acme) }, range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } } });
        const acmeText = fs.readFileSync(acme, 'utf8').split('\n');
        const pipeline = hints.find((h) => acmeText[h.position.line].includes('kr pipeline'));
        if (!pipeline || !/^\d\.\d\d [a-z-]+$/.test(pipeline.label)) fail('no score hint on kr pipeline: ' + JSON.stringify(hints.slice(0, 3)));
        eq(pipeline.position.character, acmeText[pipeline.position.line].length, 'hint at the end of the line');
        ok(`inlay hints: ${hints.length} scores`);
        eq(await s.stop(), 0, 'exit status');
    },
    // Document symbols, folding ranges and completion that fits the cursor.
    async outline() {
        const file = path.join(TOP, 'examples/acme-2027.okr');
        const text = fs.readFileSync(file, 'utf8');
        const uri = uriOf(file);
        const s = start();
        const init = await s.init();
        eq(init.capabilities.completionProvider.triggerCharacters, ['.', '@'], 'completion triggers');
        await s.open(file);
        const syms = await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        const q1 = syms.find((x) => x.name === 'q1_sales');
        if (!q1) fail('no symbol q1_sales');
        eq(q1.children.map((c) => c.name), ['new_products', 'pipeline', 'pricing', 'enablement'], 'children of q1_sales');
        eq(q1.selectionRange.start.line, lineOf(text, 'objective q1_sales'), 'selection range');
        if (!(q1.range.end.line > q1.range.start.line)) fail('objective range spans one line');
        const checkin = syms.find((x) => x.name === 'checkin 2027-02-01');
        if (!checkin) fail('no check-in symbol');
        const checkinLine = lineOf(text, 'checkin 2027-02-01');
        eq([checkin.selectionRange.start.line, checkin.selectionRange.start.character, checkin.selectionRange.end.character],
           [checkinLine, text.split('\n')[checkinLine].indexOf('2027-02-01'),
            text.split('\n')[checkinLine].indexOf('2027-02-01') + 10], 'check-in selection range: its date');
        if (!syms.some((x) => x.name === 'sales' && x.kind === 3)) fail('no team symbol');
        ok('document symbols: objectives with KRs and initiatives, teams, check-ins');
        const folds = await s.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
        if (!folds.some((f) => f.startLine === lineOf(text, 'objective q1_sales')))
            fail('no fold for q1_sales: ' + JSON.stringify(folds));
        ok(`${folds.length} folding ranges`);
        // Completion on an edited buffer: each probe line is put before the last check-in.
        const complete = async (line) => {
            const edited = text + '\n' + line;
            const lines = edited.split('\n');
            await s.change(file, edited, 10 + lines.length);
            const r = await s.conn.sendRequest('textDocument/completion',
                { textDocument: { uri }, position: { line: lines.length - 1, character: line.length } });
            return (Array.isArray(r) ? r : r.items).map((i) => i.label);
        };
        const has = (got, want, what) => { for (const w of want) if (!got.includes(w)) fail(`${what}: no ${w} in ${got}`); };
        has(await complete('objective x "A b c d" { aligns '), ['grow', 'q1_sales', 'reliable'], 'after aligns');
        eq((await complete('checkin 2027-02-20 { q1_sales.')), ['new_products', 'pipeline', 'pricing'], 'after OBJ.');
        has(await complete('objective y "A b c d" { team '), ['sales', 'engineering', 'platform'], 'after team');
        has(await complete('objective z "A b c d" { owner @'), ['@maria', '@dev'], 'after owner @');
        has(await complete('# okrc-ignore: '), ['activity-kr', 'kr-count'], 'in okrc-ignore');
        has(await complete('objective t "A b c d" { tags #launch } objective u "E f g h" { tags '), ['#launch'], 'after tags');
        // Keywords: those the grammar takes at the cursor, from the parser.
        const kw = async (line, want, not, what) => {
            const got = await complete(line);
            has(got, want, what);
            for (const w of not) if (got.includes(w)) fail(`${what}: ${w} offered in ${got}`);
        };
        await kw('objective v "A b c d" {\n  ', ['kr', 'owner', 'aligns', 'initiative'], ['objective', 'from'], 'in an objective');
        await kw('objective w "A b c d" {\n  kr k "E f g h" {\n    ', ['from', 'target', 'milestone', 'owner'], ['kr', 'objective'], 'in a key result');
        await kw('objective w2 "A b c d" {\n  kr k "E f g h" { from 1 to 2 }\n}\n', ['objective', 'team', 'checkin'], ['from', 'kr'], 'at the top level');
        await kw('objective w3 "A b c d" {\n  period 2027-Q1\n  ', ['kr', 'owner'], ['objective'], 'after a period value');
        await kw('objective w4 "A b c d" {\n  kr k "E f g h" { from 1 to 2 }\n  ow', ['owner'], [], 'a word being typed');
        has(await complete('use "std/'), ['std/bsc', 'std/lexicon/en', 'std/rules/default'], 'in use "..."');
        has(await complete('rules { kr-count '), ['max', 'min', 'error', 'off'], 'after a rule name');
        ok('completion: aligns, OBJ., team, people, rule names, their parameters, library paths, tags, keywords from the grammar');
        eq(await s.stop(), 0, 'exit status');
    },
    // Hover, definition, references and highlights on the Acme example.
    async navigation() {
        const file = path.join(TOP, 'examples/acme-2027.okr');
        const text = fs.readFileSync(file, 'utf8');
        const uri = uriOf(file);
        const s = start();
        const init = await s.init();
        for (const c of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider'])
            eq(init.capabilities[c], true, c);
        await s.open(file);
        const at = (needle, nth = 0, delta = 1) => ({ textDocument: { uri }, position: posOf(text, needle, nth, delta) });
        const def = async (needle, nth, delta) => s.conn.sendRequest('textDocument/definition', at(needle, nth, delta));
        const defLine = async (needle, nth, delta) => { const l = await def(needle, nth, delta); return l && l.range.start.line; };
        eq(await defLine('q1_sales.new_products = 1.32M', 0, 10), lineOf(text, 'kr new_products'), 'check-in OBJ.KR to the KR');
        eq(await defLine('q1_sales.new_products = 1.32M', 0, 2), lineOf(text, 'objective q1_sales'), 'check-in OBJ to the objective');
        eq(await defLine('aligns grow', 0, 8), lineOf(text, 'objective grow'), 'aligns OBJ');
        eq(await defLine('team sales  period', 0, 6), lineOf(text, 'team sales '), 'team reference');
        eq(await defLine('parent company', 0, 8), lineOf(text, 'team company'), 'team parent');
        eq(await defLine('owner @maria', 0, 7), lineOf(text, 'person @maria'), 'owner to the person');
        eq(await defLine('supports new_products', 0, 10), lineOf(text, 'kr new_products'), 'initiative supports KR');
        const persp = await def('perspective financial', 0, 13);
        if (!persp.uri.endsWith('/stdlib/std/bsc.okr')) fail('perspective definition in ' + persp.uri);
        const use = await def('use "std/bsc"', 0, 6);
        if (!use || !use.uri.endsWith('/stdlib/std/bsc.okr')) fail('use "path" to the file: ' + JSON.stringify(use));
        // A named period's reference (`period NAME`), in a file of its own.
        const periodFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'okrc-lsp-period-')), 'p.okr');
        const periodText = 'period spring "Spring" 2027-03-01..2027-05-31\n' +
            'objective o "Grow the business in every market" {\n  owner @ana\n  period spring\n' +
            '  kr k "Paying accounts in Europe" { from 40 to 60 accounts }\n}\n';
        fs.writeFileSync(periodFile, periodText);
        await s.open(periodFile);
        const periodDef = await s.conn.sendRequest('textDocument/definition', {
            textDocument: { uri: uriOf(periodFile) }, position: posOf(periodText, 'period spring\n', 0, 8) });
        eq(periodDef && periodDef.range.start.line, 0, 'period NAME to the named period');
        ok('definition: check-ins, aligns, teams, parents, people, supports, perspectives, use, named periods');
        const hover = async (needle, nth, delta) => {
            const h = await s.conn.sendRequest('textDocument/hover', at(needle, nth, delta));
            return h ? h.contents.value : null;
        };
        const kr = await hover('q1_sales.pipeline = 3.8M', 0, 10);
        for (const want of ['**key result q1_sales.pipeline** — Qualified pipeline at quarter end', 'owner @maria',
                            'team sales', 'period 2027-Q1', 'score **', 'expected', 'as of 2027-02-15'])
            if (!kr.includes(want)) fail(`hover of a KR lacks ${want}: ${kr}`);
        const obj = await hover('objective grow', 0, 11);
        for (const want of ['**objective grow**', 'owner @ceo', 'team company', 'period 2027', 'committed'])
            if (!obj.includes(want)) fail(`hover of an objective lacks ${want}: ${obj}`);
        // A rule name in a rules block (the default profile's).
        const rulesFile = path.join(TOP, 'stdlib/std/rules/default.okr');
        const rulesText = fs.readFileSync(rulesFile, 'utf8');
        await s.open(rulesFile);
        const rh = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(rulesFile) },
                                                                   position: posOf(rulesText, 'activity-kr warning', 0, 3) });
        const rule = rh ? rh.contents.value : null;
        if (!rule || !rule.includes('**rule activity-kr**')) fail('hover of a rule name: ' + rule);
        const person = await hover('person @maria', 0, 8);
        if (!person.includes('Maria Jansen') || !person.includes('team sales')) fail('hover of a person: ' + person);
        ok('hover: key result with live score, objective, rule, person');
        const refs = await s.conn.sendRequest('textDocument/references',
            { ...at('kr new_products', 0, 4), context: { includeDeclaration: false } });
        eq(refs.map((r) => r.range.start.line).sort((a, b) => a - b),
           [lineOf(text, 'supports new_products'), lineOf(text, 'q1_sales.new_products', 0), lineOf(text, 'q1_sales.new_products', 1)]
               .sort((a, b) => a - b), 'references of a KR');
        const withDecl = await s.conn.sendRequest('textDocument/references',
            { ...at('kr new_products', 0, 4), context: { includeDeclaration: true } });
        eq(withDecl.length, refs.length + 1, 'references with the declaration');
        const hl = await s.conn.sendRequest('textDocument/documentHighlight', at('person @maria', 0, 8));
        const maria = text.split('@maria').length - 1;
        eq(hl.length, maria, 'highlights of @maria');
        eq(hl.filter((h) => h.kind === 3).length, 1, 'one declaration among them');
        ok('references and document highlights');
        // Past the end of a line and of the document: an answer, not a crash.
        eq(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 100000, character: 5 } }), null, 'hover past the end');
        await s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 100000 } });
        const bad = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///not/open.okr' }, position: { line: 0, character: 0 } })
            .then(() => null, (e) => e.code);
        eq(bad, -32602, 'hover in a document that is not open');
        ok('positions past the end, documents not open');
        eq(await s.stop(), 0, 'exit status');
    },

    // Diagnostics as okrc check finds them, for every golden case and example.
    async diagnostics() {
        const s = start();
        const init = await s.init({ general: { positionEncodings: ['utf-16'] } });
        eq(init.capabilities.positionEncoding, 'utf-16', 'negotiated encoding');
        eq(init.capabilities.textDocumentSync.change, 1, 'full document sync');
        s.conn.sendNotification('initialized', {});
        const files = [];
        for (const dir of ['tests/cases', 'examples'])
            for (const f of fs.readdirSync(path.join(TOP, dir)).sort())
                if (f.endsWith('.okr') && fs.statSync(path.join(TOP, dir, f)).isFile()) files.push(path.join(TOP, dir, f));
        files.push(path.join(TOP, 'tests/cases/import-chain/main.okr'));
        let findings = 0;
        for (const f of files) {
            // An editor holds text: a file that is not UTF-8 cannot reach the server as it is.
            const bytes = fs.readFileSync(f);
            if (!bytes.equals(Buffer.from(bytes.toString('utf8'), 'utf8'))) continue;
            const got = asFindings(await s.open(f));
            const want = checkFindings(f);
            eq(got, want, `diagnostics of ${path.relative(TOP, f)}`);
            findings += want.length;
        }
        if (findings < 50) fail(`only ${findings} findings compared`);
        ok(`${files.length} files, ${findings} findings as okrc check reports them`);
        // The shape of one finding: code, its documentation, severity, related notes.
        const some = [...s.diags.values()].flat().find((d) => d.relatedInformation && d.relatedInformation.length);
        if (!some) fail('no finding with relatedInformation');
        eq(some.codeDescription.href, 'https://github.com/okrc/okrc/blob/main/docs/rules.md#' + some.code, 'codeDescription');
        eq(some.source, 'okrc', 'source');
        ok('code, codeDescription, relatedInformation');
        const code = await s.stop();
        eq(code, 0, 'exit status after shutdown and exit');
        ok('shutdown, exit 0');
    },

    // Unsaved buffers are the plan's files, `use`d ones included; a change
    // in an imported file re-checks the open files that use it.
    async buffers() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okrc-lsp-'));
        const main = path.join(dir, 'main.okr'), teams = path.join(dir, 'teams.okr');
        fs.writeFileSync(teams, 'team sales "Sales"\n');
        const mainText = 'use "./teams"\nplan "P" { period 2027 owner @ceo }\n' +
            'objective grow "Double annual recurring revenue" {\n  team sales\n' +
            '  kr revenue "Average annual revenue in dollars" { from 12 to 24 }\n}\n';
        fs.writeFileSync(main, mainText);
        const s = start();
        await s.init();
        const unknown = (list) => list.filter((d) => d.code === 'unknown-ref').map((d) => d.message);
        eq(unknown(await s.open(main)), [], 'main on disk: team sales is known');
        // An unsaved edit of main: its diagnostics come from the buffer.
        eq(unknown(await s.change(main, mainText.replace('team sales', 'team salse'))),
           ["unknown team 'salse'; did you mean 'sales'?"], 'unsaved edit of main');
        await s.change(main, mainText, 3);
        // Opening teams.okr with other text: main is re-checked against the buffer.
        const mainAgain = s.nextDiagnostics(uriOf(main));
        await s.open(teams, 'team marketing "Marketing"\n');
        eq(unknown(await mainAgain), ["unknown team 'sales'"], 'main re-checked against the unsaved teams.okr');
        ok('an unsaved imported file re-checks its user');
        const mainFixed = s.nextDiagnostics(uriOf(main));
        await s.change(teams, 'team sales "Sales"\n');
        eq(unknown(await mainFixed), [], 'main after teams.okr is fixed');
        ok('a change in an imported file re-checks its user');
        // Closing teams.okr: main reads it from disk again (still fine).
        const afterClose = s.nextDiagnostics(uriOf(main));
        s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(teams) } });
        eq(unknown(await afterClose), [], 'main after teams.okr is closed');
        ok('didClose');
        eq(await s.stop(), 0, 'exit status');
        fs.rmSync(dir, { recursive: true });
    },

    // Positions in UTF-16 by default and in UTF-8 when the client offers it.
    async encodings() {
        const text = 'plan "P" { period 2027 owner @ceo }\nobjective grow "Groei 🚀 van de omzet" { team verkoop }\n';
        const file = path.join(os.tmpdir(), 'okrc-lsp-enc.okr');
        for (const [enc, want] of [[undefined, 46], ['utf-8', 48], ['utf-32', 45]]) {
            const s = start();
            const init = await s.init(enc ? { general: { positionEncodings: [enc, 'utf-16'] } } : {});
            eq(init.capabilities.positionEncoding, enc || 'utf-16', 'encoding');
            const d = (await s.open(file, text)).find((x) => x.code === 'unknown-ref');
            if (!d) fail('no unknown-ref finding');
            eq(d.range.start.character, want, `column of 'verkoop' in ${enc || 'utf-16'}`);
            await s.stop();
        }
        ok('utf-16, utf-8, utf-32 columns');
    },

    // Lifecycle and malformed input, written as raw bytes.
    async robust() {
        const child = cp.spawn(OKRC, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
        const reader = new rpc.StreamMessageReader(child.stdout);
        const got = [];
        let wake = null;
        reader.listen((m) => { got.push(m); if (wake) wake(); });
        const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
        const send = (s) => child.stdin.write(s);
        const next = async () => {
            while (!got.length) await new Promise((r) => { wake = r; });
            return got.shift();
        };
        send(frame('{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}'));
        eq((await next()).error.code, -32002, 'request before initialize');
        send(frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { capabilities: {} } })));
        eq((await next()).id, 2, 'initialize answered');
        send(frame('{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"capabilities":{}}}'));
        eq((await next()).error.code, -32600, 'second initialize');
        send(frame('{"jsonrpc":"2.0","id":4,'));
        eq((await next()).error.code, -32700, 'truncated JSON');
        send(frame('[1,2]'));
        eq((await next()).error.code, -32600, 'not an object');
        send('Content-Length: abc\r\n\r\n');
        eq((await next()).error.code, -32700, 'Content-Length not a number');
        // A Content-Length shorter than the body: the rest is skipped until the next header.
        const body = '{"jsonrpc":"2.0","id":5,"method":"shutdown"}';
        send(`Content-Length: 10\r\n\r\n${body}\r\n`);
        eq((await next()).error.code, -32700, 'Content-Length too short');
        send(frame('{"jsonrpc":"2.0","id":6,"method":"okrc/noSuchThing","params":{}}'));
        const unknown = await next();
        eq([unknown.id, unknown.error.code], [6, -32601], 'unknown method');
        send(frame('{"jsonrpc":"2.0","method":"$/noSuchNotification","params":{}}'));
        send(frame('{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}'));
        eq((await next()).error.code, -32600, 'id of the wrong type');
        // A document of 10 MB, then a change: diagnostics still arrive.
        const big = 'plan "P" { period 2027 owner @ceo }\n' + '# filler line of a large document\n'.repeat(300000) +
            'objective grow "Double annual recurring revenue" { team nobody }\n';
        send(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: {
            uri: 'file:///tmp/okrc-lsp-big.okr', languageId: 'okr', version: 1, text: big } } })));
        const pub = await next();
        eq(pub.method, 'textDocument/publishDiagnostics', 'diagnostics of a 10 MB document');
        if (!pub.params.diagnostics.some((d) => d.code === 'unknown-ref' && d.range.start.line === 300001))
            fail('the 10 MB document lacks its unknown-ref on line 300001');
        ok('malformed messages answered, a 10 MB document checked');
        send(frame('{"jsonrpc":"2.0","id":7,"method":"shutdown"}'));
        eq((await next()).id, 7, 'shutdown');
        send(frame('{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{}}'));
        eq((await next()).error.code, -32600, 'request after shutdown');
        send(frame('{"jsonrpc":"2.0","method":"exit"}'));
        const code = await new Promise((r) => child.on('exit', r));
        eq(code, 0, 'exit after shutdown');
        // A client that disappears without shutdown: the server ends, status 1.
        const gone = cp.spawn(OKRC, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
        gone.stdin.write(frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'));
        gone.stdin.end('Content-Length: 100\r\n\r\n{"jsonrpc"');
        eq(await new Promise((r) => gone.on('exit', r)), 1, 'exit status when the client disappears');
        ok('lifecycle: shutdown, exit, a vanished client');
    },
};

const name = process.argv[2];
if (!sessions[name]) fail('no session ' + name);
sessions[name]().catch((e) => fail(e.stack || String(e)));
