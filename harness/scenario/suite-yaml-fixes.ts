import { YAML_FIXES } from '../../src/config/yaml/index.js';

/** The shared YAML fixes, in the words of suite files. */
export const SUITE_YAML_FIXES: Readonly<Partial<Record<string, string>>> = {
  ...YAML_FIXES,
  MULTIPLE_DOCS: 'a suite file holds one document: remove the second ---',
  TAG_RESOLVE_FAILED: 'remove the !tag; suite files use plain YAML values',
};
