// ESLint: typescript-eslint's recommended rules, and no import cycles (the layout's rule that a
// module imports only what runs before it or beside it). Formatting is Prettier's job.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The rooms of src/ in the order data flows through them (see README, "Layout"): a room may
// import from itself and from the rooms listed as its inputs, never from one that runs after it.
// hub is I/O that stages use; github/context.ts is what GitHub told the run at its start.
const ROOMS = {
  util: [],
  domain: ['util'],
  config: ['util', 'domain'],
  discover: ['util', 'domain'],
  evaluate: ['util', 'domain', 'config'],
  cache: ['util', 'domain', 'config', 'evaluate'],
  scores: ['util', 'domain', 'config'],
  card: ['util', 'domain'],
  hub: ['util', 'domain'],
  github: ['util', 'domain', 'scores', 'report'],
  baseline: ['util', 'domain', 'scores', 'card', 'hub'],
  publish: ['util', 'domain', 'config', 'card', 'hub', 'github/context.ts'],
  report: ['util', 'domain', 'scores'],
  pipeline: [
    'util',
    'domain',
    'config',
    'discover',
    'evaluate',
    'cache',
    'scores',
    'card',
    'hub',
    'github',
    'baseline',
    'publish',
    'report'
  ]
}
const layerZones = Object.entries(ROOMS).map(([room, inputs]) => ({
  target: `./src/${room}`,
  from: './src',
  except: [`./${room}`, ...inputs.map((input) => `./${input}`)],
  message: `src/${room} may import only from ${[room, ...inputs].join(', ')}: the data flows one way.`
}))

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'eval-results/', 'node_modules/', '__tests__/fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: globals.node },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }]
    }
  },
  {
    // Hub errors carry messages with the token redacted; an attached cause would keep the
    // unredacted original, which a stack print could show. The message says what failed.
    files: ['src/hub/**/*.ts'],
    rules: { 'preserve-caught-error': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node }
  },
  prettier
)
