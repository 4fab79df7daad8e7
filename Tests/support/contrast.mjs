// In-page helpers the browser tests evaluate: `ratio(element)`, the WCAG contrast of an element's
// text against the first opaque background behind it, and `visible(element)`.
/** Contrast ratio of two `rgb(…)` colours (WCAG relative luminance). */
export const contrastScript = `
  const channels = (color) => color.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const [r, g, b, a = 1] = channels(getComputedStyle(node).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const ratio = (element) => {
    const [a, b] = [luminance(channels(getComputedStyle(element).color)), luminance(background(element))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const visible = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    }
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const lowContrast = [...document.querySelectorAll('main *, header *, footer *')]
    .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()) && visible(element))
    .map((element) => ({ text: element.textContent.trim().slice(0, 20), ratio: Math.round(ratio(element) * 100) / 100 }))
    .filter((entry) => entry.ratio < 4.5);
`;
