// Checks a webhook request with the Standard Webhooks reference library (npm
// `standardwebhooks`), for the cargo tests: reads {secret, headers, body} as JSON on
// standard input, exits 0 when the signature verifies, 1 (with the reason) when not.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, headers, body } = JSON.parse(input);
try {
  new Webhook(secret.replace(/^whsec_/, "")).verify(body, headers);
} catch (e) {
  console.error(`not verified: ${e.message}`);
  process.exit(1);
}
