/**
 * A small JSON Schema checker for the subset the OpenAPI document uses ($ref, type, enum,
 * required, properties, items, oneOf, allOf, maxProperties): enough to hold real API
 * responses against the published schemas in tests.
 */
type Schema = Record<string, unknown>;

/**
 * The places where `value` breaks `schema` (empty when it conforms), as `path: problem`.
 * @example schemaErrors({type: 'string'}, 1, {}) // ['$: expected string, got number']
 */
export function schemaErrors(schema: Schema, value: unknown, schemas: Record<string, unknown>, path = '$'): string[] {
  if (typeof schema.$ref === 'string') return schemaErrors(schemas[schema.$ref.split('/').pop() as string] as Schema, value, schemas, path);
  if (Array.isArray(schema.allOf)) return schema.allOf.flatMap((s) => schemaErrors(s as Schema, value, schemas, path));
  if (Array.isArray(schema.oneOf)) {
    const fits = schema.oneOf.filter((s) => !schemaErrors(s as Schema, value, schemas, path).length);
    return fits.length ? [] : [`${path}: matches none of oneOf`];
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    if (!types.some((t) => typeOk(t as string, value))) return [`${path}: expected ${types.join(' or ')}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in obj)) errors.push(`${path}: missing ${key}`);
    for (const [key, sub] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
      if (key in obj) errors.push(...schemaErrors(sub, obj[key], schemas, `${path}.${key}`));
    }
    if (typeof schema.maxProperties === 'number' && Object.keys(obj).length > schema.maxProperties) errors.push(`${path}: too many properties`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...schemaErrors(schema.items as Schema, item, schemas, `${path}[${i}]`)));
  return errors;
}

function typeOk(type: string, value: unknown): boolean {
  if (type === 'null') return value === null;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  return typeof value === type;
}
