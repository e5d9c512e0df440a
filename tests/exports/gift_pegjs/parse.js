// Reads a GIFT file on standard input and prints gift-pegjs's parse as JSON (or the error, exit 1).
const { parse } = require("gift-pegjs");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(input)));
  } catch (error) {
    const where = error.location ? ` at line ${error.location.start.line}` : "";
    process.stderr.write(`${error.message}${where}\n`);
    process.exit(1);
  }
});
