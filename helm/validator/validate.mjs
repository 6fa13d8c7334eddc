// Validates every object of the given multi-document YAML files against the Kubernetes OpenAPI schemas
// shipped by the npm package kubernetes-models (required fields, types, formats).
// Usage: node validator/validate.mjs FILE... ; prints one line per object, exits 1 when any is invalid.
import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";

/** Module of kubernetes-models holding the classes of one apiVersion ("v1" is the core group, "apps/v1" ...). */
function modulePath(apiVersion) {
  return `kubernetes-models/${apiVersion}`;
}

async function modelClass(apiVersion, kind) {
  let module;
  try {
    module = await import(modulePath(apiVersion));
  } catch (e) {
    throw new Error(`no schema for apiVersion ${apiVersion}`);
  }
  const model = module[kind];
  if (typeof model !== "function") {
    throw new Error(`no schema for kind ${kind} in ${apiVersion}`);
  }
  return model;
}

async function validateObject(object) {
  const name = `${object.kind}/${object.metadata?.name ?? "<unnamed>"}`;
  try {
    const Model = await modelClass(object.apiVersion, object.kind);
    new Model(object).validate();
    return { name, error: null };
  } catch (e) {
    return { name, error: e.message.replace(/\s+/g, " ") };
  }
}

async function objectsOf(file) {
  const documents = parseAllDocuments(await readFile(file, "utf8"));
  const objects = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
    const object = document.toJS();
    if (object !== null && object !== undefined) {
      objects.push(object);
    }
  }
  return objects;
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node validator/validate.mjs FILE...");
    return 2;
  }
  let invalid = 0;
  let checked = 0;
  for (const file of files) {
    for (const object of await objectsOf(file)) {
      const { name, error } = await validateObject(object);
      checked++;
      if (error) {
        invalid++;
        console.log(`INVALID ${name}: ${error}`);
      } else {
        console.log(`OK ${name}`);
      }
    }
  }
  console.log(`${checked} checked, ${invalid} invalid`);
  return invalid === 0 && checked > 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
