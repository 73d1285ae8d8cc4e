// The action's entry point (dist/index.js): all the work is in run().
import { run } from './main.js'

await run()
