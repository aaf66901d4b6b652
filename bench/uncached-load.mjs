// autocannon over many different paths (its command line takes one URL): reads
// { base, paths, connections, seconds, headers } as JSON on stdin, prints autocannon's result.
import autocannon from "autocannon";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { base, paths, connections, seconds, headers } = JSON.parse(input);
let next = 0;
const result = await autocannon({
  url: base,
  connections,
  duration: seconds,
  headers,
  requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
});
console.log(JSON.stringify(result));
