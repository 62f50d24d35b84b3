// Validates SARIF files against the official 2.1.0 schema (draft-04) with
// ajv 6. usage: node validate.js VALIDATOR_DIR FILE...  (exit 0 when valid)
'use strict';
const path = require('path');
const fs = require('fs');

const dir = path.resolve(process.argv[2]);
const files = process.argv.slice(3);
const modules = path.join(dir, 'node_modules');
const Ajv = require(path.join(modules, 'ajv'));
const draft04 = require(path.join(modules, 'ajv/lib/refs/json-schema-draft-04.json'));
const schema = require(path.join(modules, '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));

const ajv = new Ajv({ schemaId: 'auto', allErrors: true, jsonPointers: true });
ajv.addMetaSchema(draft04);
const validate = ajv.compile(schema);

let failed = 0;
for (const file of files) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(log)) {
    console.log(`valid: ${file}`);
  } else {
    failed++;
    console.log(`INVALID: ${file}`);
    for (const e of validate.errors) console.log(`  ${e.dataPath || '/'} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
