// The VS Code extension's client, outside VS Code: extension.js (from the
// packaged copy in build/vscode-ext, with its node_modules) is loaded with
// `vscode` and `vscode-languageclient/node` stood in for, and must start a
// LanguageClient for okr documents whose server is `okrc lsp` (or the
// okr.server.path setting, with okr.server.asOf passed on); that command
// line is then run and must answer initialize as a language server.
// Usage: node vscode-client.js EXT_DIR OKRC
'use strict';
const path = require('path');
const cp = require('child_process');
const Module = require('module');
const [extDir, okrc] = process.argv.slice(2);

function fail(msg) { console.log('FAIL: ' + msg); process.exit(1); }
function eq(a, b, what) {
    if (JSON.stringify(a) !== JSON.stringify(b)) fail(`${what}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
}

let settings = {};
const started = [];
const errors = [];
class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) { Object.assign(this, { id, name, serverOptions, clientOptions }); }
    start() { started.push(this); return Promise.resolve(); }
    stop() { return Promise.resolve(); }
    dispose() {}
}
const stubs = {
    vscode: {
        workspace: { getConfiguration: (section) => ({ get: (key) => (section === 'okr' ? settings[key] : undefined) }) },
        window: { showErrorMessage: (m) => errors.push(m) },
    },
    'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
    return Object.prototype.hasOwnProperty.call(stubs, request) ? stubs[request] : load.call(this, request, parent, isMain);
};
// The real library must be there too: the package ships it.
require(path.join(extDir, 'node_modules', 'vscode-languageclient', 'package.json'));
const ext = require(path.join(extDir, 'extension.js'));

(async () => {
    const context = { subscriptions: [] };
    await ext.activate(context);
    eq(started.length, 1, 'one client started');
    const c = started[0];
    eq([c.serverOptions.command, c.serverOptions.args], ['okrc', ['lsp']], 'the server by default');
    if (!c.clientOptions.documentSelector.some((s) => s.language === 'okr' && s.scheme === 'file'))
        fail('okr files are not selected: ' + JSON.stringify(c.clientOptions.documentSelector));
    eq(context.subscriptions.includes(c), true, 'the client is disposed with the extension');
    settings = { 'server.path': okrc, 'server.asOf': '2027-02-15' };
    const { serverOptions, clientOptions } = ext.clientConfig(stubs.vscode.workspace.getConfiguration('okr'));
    eq([serverOptions.command, serverOptions.args], [okrc, ['lsp']], 'okr.server.path');
    eq(clientOptions.initializationOptions, { asOf: '2027-02-15' }, 'okr.server.asOf');
    // The command line it gives is a language server.
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize',
        params: { processId: null, capabilities: {}, initializationOptions: clientOptions.initializationOptions } });
    const shutdown = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    const exit = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });
    const frame = (b) => `Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`;
    const out = cp.execFileSync(serverOptions.command, serverOptions.args,
        { input: frame(body) + frame(shutdown) + frame(exit) }).toString();
    if (!out.includes('"documentFormattingProvider":true') || !out.includes('"renameProvider"'))
        fail('the command answered no initialize of okrc lsp: ' + out.slice(0, 200));
    eq(errors, [], 'no error shown');
    console.log('ok the extension starts okrc lsp for okr files, with its settings');
})().catch((e) => fail(e.stack || String(e)));
