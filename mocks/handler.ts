/** A fetch-style handler: web `Request` in, web `Response` out. Every provider mock is one. */
export type FetchHandler = (request: Request) => Promise<Response>;
