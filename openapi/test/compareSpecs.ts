/**
 * Compares our spec with the published document, operation by operation: every path, method, parameter, request
 * and response field, type, format, bound, default and enum value of one must be in the other. Each difference is
 * one line, `<where>: <what>`, stable from run to run, so that a test can list the ones we accept with a reason.
 * Schemas are compared by structure, not by name (the document's `CreateFileResponse` is our `FileObject`).
 */

type Json = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this comparison reads. */
export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

const METHODS = ["get", "put", "post", "delete", "patch"];
const STRING_KEYWORDS = ["format", "pattern", "minLength", "maxLength", "const"];
const NUMBER_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "const"];
const ARRAY_KEYWORDS = ["minItems", "maxItems", "uniqueItems"];
/** Keywords that describe a schema without changing what it accepts. */
const ANNOTATIONS = new Set(["$ref", "title", "description", "examples", "example", "deprecated"]);

interface Alternative {
  type: string;
  schema: Json;
  /** The component it came from. */
  ref: string | undefined;
}

/** The component every alternative of a group came from, if they share one. */
const soleRef = (group: Alternative[]) =>
  group.every((a) => a.ref && a.ref === group[0]?.ref) ? group[0]?.ref : undefined;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const show = (values: unknown[]) => (values.length ? values.map((v) => JSON.stringify(v)).join(" or ") : "none");

/** Every difference between the batch and files operations of `published` and `ours`, sorted. */
export function compareSpecs(published: OpenApiDocument, ours: OpenApiDocument): string[] {
  const drifts = new Set<string>();
  const report = (at: string, problem: string) => drifts.add(`${at}: ${problem}`);
  const compared = new Set<string>();

  function resolve(doc: OpenApiDocument, value: unknown): Json {
    let node = isObject(value) ? value : {};
    for (let hops = 0; typeof node.$ref === "string" && hops < 32; hops++) {
      const [, , section = "", name = ""] = node.$ref.split("/");
      const target = doc.components?.[section]?.[name];
      if (!isObject(target)) throw new Error(`unresolved $ref ${node.$ref}`);
      // OpenAPI 3.1 lets keywords such as `default` stand beside a $ref: they apply on top of the target.
      const { $ref: _, ...siblings } = node;
      node = { ...target, ...siblings };
    }
    return node;
  }

  /** The name of a schema that only refers to a component, e.g. `BatchJob`, beside annotations at most. */
  const refName = (value: unknown) =>
    isObject(value) && typeof value.$ref === "string" && Object.keys(value).every((key) => ANNOTATIONS.has(key))
      ? value.$ref.split("/").pop()
      : undefined;

  /**
   * A schema as its alternatives, one per JSON type: anyOf and oneOf unfolded, allOf merged. Each keeps the name of
   * the component it came from, if any, so that `anyOf: [{$ref: X}, {type: "null"}]` is still compared as X.
   */
  function alternatives(doc: OpenApiDocument, value: unknown, ref = refName(value)): Alternative[] {
    const schema = resolve(doc, value);
    const union = schema.anyOf ?? schema.oneOf;
    if (Array.isArray(union)) return union.flatMap((member) => alternatives(doc, member, refName(member) ?? ref));
    if (Array.isArray(schema.allOf)) {
      if (schema.allOf.length === 1) return alternatives(doc, schema.allOf[0]);
      const parts = schema.allOf.flatMap((member) => alternatives(doc, member)).map((part) => part.schema);
      const properties = Object.assign({}, ...parts.map((part) => part.properties));
      const required = parts.flatMap((part) => (Array.isArray(part.required) ? part.required : []));
      return [{ type: "object", schema: { type: "object", properties, required }, ref }];
    }
    const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? (schema.properties ? "object" : "any")];
    return types.map((type) => ({ type: String(type), schema, ref }));
  }

  /** The `default` of a schema, looked up through references and single-member allOf. */
  function defaultOf(doc: OpenApiDocument, value: unknown): unknown[] {
    let node = isObject(value) ? value : {};
    for (let hops = 0; hops < 32; hops++) {
      if ("default" in node) return [node.default];
      if (typeof node.$ref === "string") node = resolve(doc, { $ref: node.$ref });
      else if (Array.isArray(node.allOf) && node.allOf.length === 1)
        node = isObject(node.allOf[0]) ? node.allOf[0] : {};
      else break;
    }
    return [];
  }

  function compareSchemas(where: string, theirs: unknown, mine: unknown): void {
    let at = where;
    const theirName = refName(theirs);
    const myName = refName(mine);
    if (theirName && myName) {
      at = theirName === myName ? theirName : `${theirName} (ours: ${myName})`;
      if (compared.has(at)) return;
      compared.add(at);
    }
    compareValues(at, "default", defaultOf(published, theirs), defaultOf(ours, mine));
    const byType = (doc: OpenApiDocument, value: unknown) => {
      const groups = new Map<string, Alternative[]>();
      for (const alternative of alternatives(doc, value)) {
        groups.set(alternative.type, [...(groups.get(alternative.type) ?? []), alternative]);
      }
      return groups;
    };
    const theirTypes = byType(published, theirs);
    const myTypes = byType(ours, mine);
    for (const [type, group] of theirTypes) {
      const myGroup = myTypes.get(type);
      if (!myGroup) report(at, `type ${type} in the document, not in ours`);
      else {
        const theirRef = soleRef(group);
        const myRef = soleRef(myGroup);
        if (theirRef && myRef && (theirRef !== theirName || myRef !== myName)) {
          compareSchemas(at, { $ref: `#/components/schemas/${theirRef}` }, { $ref: `#/components/schemas/${myRef}` });
        } else
          compareType(
            at,
            type,
            group.map((a) => a.schema),
            myGroup.map((a) => a.schema),
          );
      }
    }
    for (const type of myTypes.keys())
      if (!theirTypes.has(type)) report(at, `type ${type} in ours, not in the document`);
  }

  function compareValues(at: string, keyword: string, theirs: unknown[], mine: unknown[]): void {
    const text = (values: unknown[]) => [...new Set(values.map((v) => JSON.stringify(v)))].sort().join(",");
    if (text(theirs) !== text(mine)) report(at, `${keyword} ${show(theirs)} in the document, ${show(mine)} in ours`);
  }

  function compareKeywords(at: string, keywords: string[], theirs: Json[], mine: Json[]): void {
    const values = (schemas: Json[], keyword: string) =>
      schemas.filter((schema) => keyword in schema).map((schema) => schema[keyword]);
    for (const keyword of keywords) compareValues(at, keyword, values(theirs, keyword), values(mine, keyword));
  }

  function compareType(at: string, type: string, theirs: Json[], mine: Json[]): void {
    if (type === "string") {
      compareKeywords(at, STRING_KEYWORDS, theirs, mine);
      compareEnums(at, theirs, mine);
    } else if (type === "integer" || type === "number") {
      compareKeywords(at, NUMBER_KEYWORDS, theirs, mine);
      compareEnums(at, theirs, mine);
    } else if (type === "array") {
      compareKeywords(at, ARRAY_KEYWORDS, theirs, mine);
      compareSchemas(`${at}[]`, theirs[0]?.items, mine[0]?.items);
    } else if (type === "object") compareObjects(at, theirs, mine);
  }

  /** Enum values both ways, and whether a plain string beside them leaves the enum open. */
  function compareEnums(at: string, theirs: Json[], mine: Json[]): void {
    const values = (schemas: Json[]) => new Set(schemas.flatMap((s) => (Array.isArray(s.enum) ? s.enum : [])));
    const isOpen = (schemas: Json[]) => schemas.some((s) => !Array.isArray(s.enum) && !("const" in s));
    const theirValues = values(theirs);
    const myValues = values(mine);
    for (const value of theirValues) if (!myValues.has(value)) report(at, `enum value ${show([value])} not in ours`);
    for (const value of myValues)
      if (!theirValues.has(value)) report(at, `enum value ${show([value])} not in the document`);
    if (theirValues.size === 0 && myValues.size === 0) return;
    if (!isOpen(theirs) && isOpen(mine)) report(at, "an open enum in ours, closed in the document");
    if (isOpen(theirs) && !isOpen(mine)) report(at, "a closed enum in ours, open in the document");
  }

  function compareObjects(at: string, theirs: Json[], mine: Json[]): void {
    const properties = (schemas: Json[]): Json => Object.assign({}, ...schemas.map((s) => s.properties));
    const required = (schemas: Json[]) =>
      new Set(schemas.flatMap((s) => (Array.isArray(s.required) ? (s.required as string[]) : [])));
    const theirProperties = properties(theirs);
    const myProperties = properties(mine);
    const theirRequired = required(theirs);
    const myRequired = required(mine);
    for (const [name, schema] of Object.entries(theirProperties)) {
      if (!(name in myProperties)) report(`${at}.${name}`, "in the document, not in ours");
      else compareSchemas(`${at}.${name}`, schema, myProperties[name]);
      if (theirRequired.has(name) && !myRequired.has(name))
        report(`${at}.${name}`, "required in the document, not in ours");
    }
    for (const name of Object.keys(myProperties)) {
      if (!(name in theirProperties)) report(`${at}.${name}`, "in ours, not in the document");
    }
    for (const name of myRequired) {
      if (!theirRequired.has(name)) report(`${at}.${name}`, "required in ours, not in the document");
    }
    for (const keyword of ["additionalProperties", "propertyNames"]) {
      const theirSchema = theirs.find((s) => keyword in s)?.[keyword];
      const mySchema = mine.find((s) => keyword in s)?.[keyword];
      if (isObject(theirSchema) && isObject(mySchema)) compareSchemas(`${at}{${keyword}}`, theirSchema, mySchema);
      else
        compareValues(
          at,
          keyword,
          theirSchema === undefined ? [] : [theirSchema],
          mySchema === undefined ? [] : [mySchema],
        );
    }
  }

  function parameters(doc: OpenApiDocument, pathItem: Json, operation: Json): Map<string, Json> {
    const list = [pathItem.parameters, operation.parameters].flatMap((p) => (Array.isArray(p) ? p : []));
    return new Map(list.map((p) => resolve(doc, p)).map((p) => [`${p.in} ${p.name}`, p]));
  }

  /** How a parameter travels: as JSON (`content`), or by its style. */
  function serialization(parameter: Json): string {
    if (isObject(parameter.content)) return `content ${Object.keys(parameter.content).join(",")}`;
    const style = parameter.style ?? (parameter.in === "query" || parameter.in === "cookie" ? "form" : "simple");
    return `style ${style}, explode ${parameter.explode ?? style === "form"}`;
  }

  const schemaOfParameter = (parameter: Json) =>
    parameter.schema ??
    Object.values(isObject(parameter.content) ? parameter.content : {}).map((m) => (m as Json).schema)[0];

  function compareParameters(at: string, theirs: Map<string, Json>, mine: Map<string, Json>): void {
    for (const [key, parameter] of theirs) {
      const myParameter = mine.get(key);
      if (!myParameter) {
        report(`${at} ${key}`, "in the document, not in ours");
        continue;
      }
      compareValues(`${at} ${key}`, "required", [Boolean(parameter.required)], [Boolean(myParameter.required)]);
      compareValues(`${at} ${key}`, "serialization", [serialization(parameter)], [serialization(myParameter)]);
      compareSchemas(`${at} ${key}`, schemaOfParameter(parameter), schemaOfParameter(myParameter));
    }
    for (const key of mine.keys()) if (!theirs.has(key)) report(`${at} ${key}`, "in ours, not in the document");
  }

  function compareContent(at: string, theirs: unknown, mine: unknown): void {
    const theirContent = isObject(theirs) ? theirs : {};
    const myContent = isObject(mine) ? mine : {};
    for (const [type, media] of Object.entries(theirContent)) {
      if (!(type in myContent)) report(at, `content ${type} in the document, not in ours`);
      else compareSchemas(`${at} ${type}`, (media as Json).schema, (myContent[type] as Json).schema);
    }
    for (const type of Object.keys(myContent)) {
      if (!(type in theirContent)) report(at, `content ${type} in ours, not in the document`);
    }
  }

  function compareOperation(at: string, path: string, method: string): void {
    const theirPathItem = published.paths?.[path] ?? {};
    const myPathItem = ours.paths?.[path] ?? {};
    const theirs = resolve(published, theirPathItem[method]);
    const mine = resolve(ours, myPathItem[method]);
    compareParameters(at, parameters(published, theirPathItem, theirs), parameters(ours, myPathItem, mine));
    const theirBody = theirs.requestBody === undefined ? undefined : resolve(published, theirs.requestBody);
    const myBody = mine.requestBody === undefined ? undefined : resolve(ours, mine.requestBody);
    if (theirBody || myBody) {
      compareValues(`${at} body`, "required", [Boolean(theirBody?.required)], [Boolean(myBody?.required)]);
      compareContent(`${at} body`, theirBody?.content, myBody?.content);
    }
    const theirResponses = isObject(theirs.responses) ? theirs.responses : {};
    const myResponses = isObject(mine.responses) ? mine.responses : {};
    for (const [status, response] of Object.entries(theirResponses)) {
      if (!(status in myResponses)) report(`${at} ${status}`, "in the document, not in ours");
      else
        compareContent(
          `${at} ${status}`,
          resolve(published, response).content,
          resolve(ours, myResponses[status]).content,
        );
    }
    // The document declares no error response; ours declares the ones the API sends (422, and its error JSON).
    for (const status of Object.keys(myResponses)) {
      if (/^2/.test(status) && !(status in theirResponses)) report(`${at} ${status}`, "in ours, not in the document");
    }
  }

  const scoped = (doc: OpenApiDocument) =>
    Object.keys(doc.paths ?? {}).filter((path) => /^\/v1\/(batch|files)\b/.test(path));
  for (const path of scoped(published)) {
    const mine = ours.paths?.[path];
    if (!mine) {
      report(path, "in the document, not in ours");
      continue;
    }
    for (const method of METHODS) {
      const at = `${method.toUpperCase()} ${path}`;
      if (published.paths?.[path]?.[method] === undefined) {
        if (mine[method] !== undefined) report(at, "in ours, not in the document");
      } else if (mine[method] === undefined) report(at, "in the document, not in ours");
      else compareOperation(at, path, method);
    }
  }
  for (const path of scoped(ours)) if (!published.paths?.[path]) report(path, "in ours, not in the document");

  // Schemas of the document that no operation of it uses (the 422 body): compared by name.
  const used = JSON.stringify(published.paths ?? {});
  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name)) return;
    reached.add(name);
    const schema = JSON.stringify(published.components?.schemas?.[name] ?? {});
    for (const [, ref] of schema.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(ref as string);
  };
  for (const [, ref] of used.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(ref as string);
  for (const name of Object.keys(published.components?.schemas ?? {})) {
    if (reached.has(name)) continue;
    if (ours.components?.schemas?.[name] === undefined) report(name, "in the document, not in ours");
    else compareSchemas(name, { $ref: `#/components/schemas/${name}` }, { $ref: `#/components/schemas/${name}` });
  }
  return [...drifts].sort();
}
