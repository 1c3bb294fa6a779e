#!/usr/bin/env node
// Checks Kubernetes manifests against the Kubernetes JSON schemas of their kinds (kubernetes-models,
// generated from the Kubernetes OpenAPI), without a cluster:
//   node deploy/kubernetes/validate.mjs            every *.yaml beside this file
//   node deploy/kubernetes/validate.mjs - < x.yaml  a YAML stream from standard input
// Prints one JSON line per object ({ file, kind, name, errors }) and exits 1 if any is invalid.
// Plain Node ESM: kubernetes-models is published for `import` only (manifests.spec.ts runs this).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sources =
  process.argv[2] === '-'
    ? [{ file: '-', text: readFileSync(0, 'utf8') }]
    : readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));

/** The model class of `apiVersion`/`kind`: kubernetes-models/<group>/<version> exports it by kind. */
async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  try {
    const models = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
    return models[kind] ?? null;
  } catch {
    return null;
  }
}

let failed = false;
for (const { file, text } of sources) {
  for (const doc of parseAllDocuments(text)) {
    const object = doc.toJS();
    const result = { file, kind: object?.kind ?? null, name: object?.metadata?.name ?? null, errors: doc.errors.map((e) => e.message) };
    if (!result.errors.length) {
      const Model = object?.apiVersion && object?.kind ? await modelOf(object.apiVersion, object.kind) : null;
      if (!Model) result.errors.push(`no schema for ${object?.apiVersion}/${object?.kind}`);
      else {
        try {
          new Model(object).validate();
        } catch (err) {
          result.errors.push(err.message);
        }
      }
    }
    if (result.errors.length) failed = true;
    console.log(JSON.stringify(result));
  }
}
process.exit(failed ? 1 : 0);
