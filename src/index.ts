// The bundle's entry (dist/index.js). GitHub runs it with no arguments inside Actions: that is
// the action. Anything else (arguments, or a terminal outside Actions) is the CLI. One bundle
// serves both, so dist/ carries the dependencies once.
// Each side is loaded only when it runs: the CLI never loads @actions/core and its HTTP client.
const isAction = process.env.GITHUB_ACTIONS === 'true' && process.argv.length <= 2
if (isAction) await (await import('./action.js')).run()
else process.exitCode = await (await import('./cli.js')).main(process.argv.slice(2))
