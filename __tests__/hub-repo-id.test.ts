import { parseRepoId, resolveRepoId } from '../src/domain/repo-id.js'

describe('parseRepoId', () => {
  it.each([
    ['my-model', { namespace: null, name: 'my-model' }],
    ['acme/my-model', { namespace: 'acme', name: 'my-model' }],
    ['  acme/Model_v1.2  ', { namespace: 'acme', name: 'Model_v1.2' }]
  ])('accepts %j', (input, expected) => {
    expect(parseRepoId(input)).toEqual(expected)
  })

  it.each([
    ['', /Invalid repo-id "": it is empty/],
    ['a/b/c', /more than one "\/"/],
    ['acme/my model', /characters other than letters/],
    ['acme/my--model', /contains "--" or "\.\."/],
    ['acme/-model', /starts or ends with "-" or "\."/],
    ['acme/model.', /starts or ends/],
    ['/model', /namespace is empty/],
    ['acme/', /name is empty/],
    ['acme/' + 'x'.repeat(97), /longer than 96/],
    ['acme/model.git', /ends in "\.git"/],
    ['https://huggingface.co/acme/model', /it is a URL.*e\.g\. "acme\/model"/],
    ['datasets/acme/data', /only model repos are published/]
  ])('rejects %j with a message naming the input and the fix', (input, pattern) => {
    expect(() => parseRepoId(input)).toThrow(pattern)
    expect(() => parseRepoId(input)).toThrow(/^Invalid repo-id /)
  })

  it('names the input it was given', () => {
    expect(() => parseRepoId('a b', { inputName: '--repo-id' })).toThrow(
      /^Invalid --repo-id "a b": .*Use "name" or "namespace\/name"/
    )
  })

  it('resolves a bare name against the default namespace', () => {
    expect(resolveRepoId(parseRepoId('m'), 'alice')).toBe('alice/m')
    expect(resolveRepoId(parseRepoId('acme/m'), 'alice')).toBe('acme/m')
  })
})
