// The bundle's entry (dist/index.js). GitHub runs it with no arguments inside Actions: that is
// the action. Anything else (arguments, or a terminal outside Actions) is the CLI. One bundle
// serves both, so dist/ carries the dependencies once.
import { main } from './cli.js'
import { run } from './action.js'

const isAction = process.env.GITHUB_ACTIONS === 'true' && process.argv.length <= 2
if (isAction) await run()
else process.exitCode = await main(process.argv.slice(2))
