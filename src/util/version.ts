// Written into scores.json so a later run knows which action produced it (kept equal to
// package.json's version by a test).
export const TOOL_NAME = 'checkpoint-eval-action'
export const TOOL_VERSION = '0.1.0'
