/*
 * Lantai search: normalisation, tokenisation and (with the index the build writes to search/)
 * the query engine. A classic script with no build step: in a page it defines window.LantaiSearch;
 * under node it is a CommonJS module, so the same code runs in the tests.
 *
 * The normalisation must equal Sources/LantaiCore/Text/SearchNormalizer.swift exactly; the shared
 * vectors in Tests/vectors/ are run by both test suites.
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.LantaiSearch = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
  const MARK = /\p{M}/u;

  function isIdeograph(codePoint) {
    return (codePoint >= 0x3400 && codePoint <= 0x4DBF) || (codePoint >= 0x4E00 && codePoint <= 0x9FFF) ||
      (codePoint >= 0xF900 && codePoint <= 0xFAFF) || (codePoint >= 0x20000 && codePoint <= 0x3134F);
  }

  /** Builds the folding map from the build's [[traditional, simplified], …] pairs. */
  function makeFolding(pairs) {
    const map = new Map();
    for (const [source, target] of pairs) map.set(source, target);
    return map;
  }

  /**
   * Normalises text. `emit(char, sourceIndex)` receives each output character and the UTF-16
   * index in `text` of the character it came from; the function also returns the whole result.
   */
  function normalize(text, folding, emit) {
    let output = '';
    let previous = null;
    let pendingSeparator = false;
    let index = 0;
    for (const input of text) {
      const code = input.codePointAt(0);
      let pieces;
      if (code < 0x80) pieces = input.toLowerCase();
      else if ((code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF)) pieces = input;
      else pieces = input.normalize('NFKC').toLowerCase();
      for (const raw of pieces) {
        const ch = folding.get(raw) ?? raw;
        const cp = ch.codePointAt(0);
        let kind;
        if (cp < 0x80) kind = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7A) ? 'kept' : 'separator';
        else if (isIdeograph(cp) || LETTER_OR_NUMBER.test(ch)) kind = 'kept';
        else if (MARK.test(ch)) kind = 'dropped';
        else kind = 'separator';
        if (kind === 'kept') {
          if (pendingSeparator && previous !== null && !isIdeograph(previous) && !isIdeograph(cp)) {
            output += ' ';
            if (emit) emit(' ', index);
          }
          pendingSeparator = false;
          output += ch;
          if (emit) emit(ch, index);
          previous = cp;
        } else if (kind === 'separator' && previous !== null) {
          pendingSeparator = true;
        }
      }
      index += input.length;
    }
    return output;
  }

  /** The index terms of normalised text: overlapping character bigrams, or the one character. */
  function grams(normalized) {
    const chars = Array.from(normalized);
    if (chars.length === 1) return [chars[0]];
    const result = [];
    for (let i = 0; i + 1 < chars.length; i++) result.push(chars[i] + chars[i + 1]);
    return result;
  }

  return { normalize, grams, makeFolding, isIdeograph };
});
