// make bench: okrc lsp latency on a generated plan (not a pass/fail test).
// From each didChange to its publishDiagnostics, hover and definition on a
// check-in's OBJ.KR, completion after OBJ.; the server's resident memory after the first edit and
// after the last. Usage: node lsp.js OKRC PLAN EDITS (LSP_NODE as for the tests).
'use strict';
const path = require('path');
const fs = require('fs');
const cp = require('child_process');
const rpc = require(path.join(process.env.LSP_NODE, 'node_modules', 'vscode-jsonrpc', 'node'));
const [okrc, planFile, editsArg] = process.argv.slice(2);
const edits = Number(editsArg || 1000);
const text = fs.readFileSync(planFile, 'utf8');
const uri = 'file://' + path.resolve(planFile);

const child = cp.spawn(okrc, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
let waiting = null;
conn.onNotification('textDocument/publishDiagnostics', () => { if (waiting) { const w = waiting; waiting = null; w(); } });
conn.listen();
const published = () => new Promise((r) => { waiting = r; });
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]);
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return `median ${s[s.length >> 1].toFixed(2)} ms, p90 ${s[Math.floor(s.length * 0.9)].toFixed(2)} ms`; };

(async () => {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {},
                                           initializationOptions: { asOf: '2027-02-20' } });
    let p = published();
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'okr', version: 1, text } });
    await p;
    // Each edit changes one title, as typing would: the whole text is sent (full sync).
    const at = text.indexOf('"', text.indexOf('objective o500 ')) + 1;
    const change = [], lines = text.slice(0, text.indexOf('  o0.k0 =')).split('\n');
    const position = { line: lines.length - 1, character: 6 };   // the k0 of "o0.k0 = ..."
    let rssFirst = 0;
    for (let i = 0; i < edits; i++) {
        const edited = text.slice(0, at) + 'x'.repeat(i % 7) + text.slice(at);
        p = published();
        const t0 = process.hrtime.bigint();
        conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: edited }] });
        await p;
        change.push(ms(t0));
        if (i === 0) rssFirst = rss();
    }
    const rssLast = rss();
    const hover = [], def = [], completion = [];
    for (let i = 0; i < 200; i++) {
        let t0 = process.hrtime.bigint();
        await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
        hover.push(ms(t0));
        t0 = process.hrtime.bigint();
        await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position });
        def.push(ms(t0));
        t0 = process.hrtime.bigint();   // after "o0.": the KRs of o0
        await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: position.line, character: 5 } });
        completion.push(ms(t0));
    }
    console.log(`lsp didChange → publishDiagnostics (${edits} edits): ${stats(change)}`);
    console.log(`lsp hover (200):      ${stats(hover)}`);
    console.log(`lsp definition (200): ${stats(def)}`);
    console.log(`lsp completion (200): ${stats(completion)}`);
    console.log(`lsp memory: ${rssFirst} kB after the first edit, ${rssLast} kB after ${edits} (${(rssLast / rssFirst).toFixed(2)}x)`);
    await conn.sendRequest('shutdown');
    conn.sendNotification('exit');
})();
