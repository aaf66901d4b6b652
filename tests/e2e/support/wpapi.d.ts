// wpapi (the `node-wpapi` client WordPress apps and scripts use) ships no types; the tests use it
// the way its README does, through this small surface.
declare module "wpapi" {
  interface Request extends PromiseLike<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    id(id: number): Request;
    param(name: string, value: unknown): Request;
    file(data: Buffer, name?: string): Request;
    create(data: Record<string, unknown>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    update(data: Record<string, unknown>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete(data?: Record<string, unknown>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    get(): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    me(): Request;
    context(c: string): Request;
  }
  export default class WPAPI {
    constructor(opts: { endpoint: string; username?: string; password?: string; auth?: boolean; nonce?: string });
    static discover(url: string): Promise<WPAPI>;
    posts(): Request;
    pages(): Request;
    media(): Request;
    users(): Request;
    categories(): Request;
    tags(): Request;
    auth(creds: { username: string; password: string }): WPAPI;
  }
}
