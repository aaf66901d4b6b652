// WordPress REST collection parameters, parsed as WordPress parses them: lists as "1,2" or
// repeated "name[]=1&name[]=2", integers checked, per_page between 1 and 100. A bad value is the
// client's mistake and answers 400 rest_invalid_param naming the parameter, never a 500.

export class RestParamError extends Error {
  constructor(readonly params: Record<string, string>) {
    super(`Invalid parameter(s): ${Object.keys(params).join(", ")}`);
  }
}

export class RestParams {
  private errors: Record<string, string> = {};
  constructor(private sp: URLSearchParams) {}

  raw(name: string): string | undefined {
    return this.sp.get(name) ?? this.sp.get(`${name}[]`) ?? undefined;
  }

  list(name: string): string[] | undefined {
    const values = [...this.sp.getAll(name), ...this.sp.getAll(`${name}[]`)];
    if (!values.length) return undefined;
    return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  }

  ids(name: string): number[] | undefined {
    const values = this.list(name);
    if (!values) return undefined;
    const out: number[] = [];
    for (const v of values) {
      if (!/^\d+$/.test(v)) {
        this.errors[name] = `${name}[${out.length}] is not of type integer.`;
        return undefined;
      }
      out.push(Number(v));
    }
    return out;
  }

  int(name: string, def: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.raw(name);
    if (v === undefined || v === "") return def;
    if (!/^-?\d+$/.test(v.trim())) {
      this.errors[name] = `${name} is not of type integer.`;
      return def;
    }
    const n = Number(v);
    if (n < min || n > max) {
      this.errors[name] = max === Number.MAX_SAFE_INTEGER ? `${name} must be greater than or equal to ${min}` : `${name} must be between ${min} (inclusive) and ${max} (inclusive)`;
      return def;
    }
    return n;
  }

  optionalInt(name: string): number | undefined {
    const v = this.raw(name);
    if (v === undefined || v === "") return undefined;
    if (!/^\d+$/.test(v.trim())) {
      this.errors[name] = `${name} is not of type integer.`;
      return undefined;
    }
    return Number(v);
  }

  oneOf<T extends string>(name: string, values: readonly T[], def: T): T {
    const v = this.raw(name);
    if (v === undefined || v === "") return def;
    if (!(values as readonly string[]).includes(v)) {
      this.errors[name] = `${name} is not one of ${values.join(", ")}.`;
      return def;
    }
    return v as T;
  }

  bool(name: string): boolean | undefined {
    const v = this.raw(name);
    if (v === undefined || v === "") return undefined;
    if (["1", "true"].includes(v)) return true;
    if (["0", "false"].includes(v)) return false;
    this.errors[name] = `${name} is not of type boolean.`;
    return undefined;
  }

  string(name: string, max = 200): string | undefined {
    const v = this.raw(name);
    if (v === undefined || v.trim() === "") return undefined;
    if (v.length > max) {
      this.errors[name] = `${name} is too long.`;
      return undefined;
    }
    return v.trim();
  }

  /** `_fields=id,title.rendered`: the fields to keep (top level and one level down). */
  fields(): string[] | undefined {
    return this.list("_fields");
  }

  /** Throws RestParamError if any parameter was invalid. */
  check() {
    if (Object.keys(this.errors).length) throw new RestParamError(this.errors);
  }
}

/** Keeps only the requested fields, as WordPress's _fields does (dotted paths reach one level in). */
export function pickFields<T extends Record<string, unknown>>(obj: T, fields: string[] | undefined): Record<string, unknown> {
  if (!fields?.length) return obj;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const [head, ...rest] = f.split(".");
    if (!head || !(head in obj)) continue;
    if (!rest.length) {
      out[head] = obj[head];
      continue;
    }
    const inner = obj[head];
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      const sub = (out[head] ??= {}) as Record<string, unknown>;
      const key = rest.join(".");
      if (key in (inner as Record<string, unknown>)) sub[key] = (inner as Record<string, unknown>)[key];
    }
  }
  return out;
}
