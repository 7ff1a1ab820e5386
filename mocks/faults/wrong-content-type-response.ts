// Pages a proxy or a captive portal sends instead of the API's JSON.
const PROXY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const PORTAL_200 =
  '<!DOCTYPE html>\n<html><head><title>Sign in to continue</title></head>\n<body><h1>Network access requires sign-in</h1><p>Your session has expired. Please sign in to continue.</p></body></html>\n';

/** A proxy's answer instead of the API's: nginx's 502 page, or a 200 sign-in page. */
export function wrongContentTypeResponse(status: 200 | 502): Response {
  return new Response(status === 502 ? PROXY_502 : PORTAL_200, {
    status,
    headers: { 'content-type': 'text/html', server: 'nginx' },
  });
}
