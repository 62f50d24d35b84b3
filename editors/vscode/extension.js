// The OKR extension's language client: starts `okrc lsp` for .okr files and
// speaks LSP with it through vscode-languageclient (VS Code's own client
// library). Highlighting works without it; this adds what the server offers:
// diagnostics as okrc check finds them, hover, go to definition, references,
// rename, completion, formatting, symbols, semantic tokens, code actions.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

// What the client is started with, from the settings (okr.server.path,
// okr.server.asOf): kept apart from activate() so that it can be tested
// without VS Code.
function clientConfig(settings) {
    const command = settings.get('server.path') || 'okrc';
    const asOf = settings.get('server.asOf') || undefined;
    const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
    const clientOptions = {
        documentSelector: [{ scheme: 'file', language: 'okr' }, { scheme: 'untitled', language: 'okr' }],
        initializationOptions: asOf ? { asOf } : {},
    };
    return { serverOptions, clientOptions };
}

let client;

async function activate(context) {
    const { serverOptions, clientOptions } = clientConfig(vscode.workspace.getConfiguration('okr'));
    client = new LanguageClient('okr', 'okrc', serverOptions, clientOptions);
    context.subscriptions.push(client);
    try {
        await client.start();
    } catch (e) {
        vscode.window.showErrorMessage(`okrc lsp did not start (${serverOptions.command}): ${e.message}. ` +
            'Install okrc or set "okr.server.path".');
    }
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, clientConfig };
