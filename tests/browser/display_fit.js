// Measured in the page for tests/browser/test_display_fit.py, once per language slot: the problems found, the
// smallest font of the key texts and of the called number.
(slots) => {
  const problems = [];
  const vw = innerWidth, vh = innerHeight;
  let keyFont = Infinity, callFont = Infinity;
  const visible = (node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== "hidden";
  for (let slot = 0; slot < slots; slot++) {
    document.body.dataset.slot = String(slot);
    const root = document.documentElement;
    if (root.scrollHeight > vh) problems.push(`slot ${slot}: page is ${root.scrollHeight} px tall`);
    if (root.scrollWidth > vw) problems.push(`slot ${slot}: page is ${root.scrollWidth} px wide`);
    const ticker = document.querySelector("[data-ticker]").getBoundingClientRect();
    if (ticker.height < 10 || ticker.top < 0 || ticker.bottom > vh + 0.5 || ticker.left < 0 || ticker.right > vw + 0.5)
      problems.push(`slot ${slot}: ticker box ${JSON.stringify(ticker)}`);
    for (const node of document.querySelectorAll("body *")) {
      if (node.closest("[data-ticker], script, [data-urgent-overlay], [data-connection]") || !visible(node)) continue;
      const style = getComputedStyle(node);
      const text = [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent.trim());
      const rect = node.getBoundingClientRect();
      const name = `${node.tagName.toLowerCase()}.${node.className} "${node.textContent.trim().slice(0, 30)}"`;
      if (text && (rect.bottom > vh + 1 || rect.right > vw + 1 || rect.left < -1 || rect.top < -1))
        problems.push(`slot ${slot}: outside the screen: ${name}`);
      if (!text) continue;
      if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1)
        problems.push(`slot ${slot}: text wider than its box: ${name} ${node.scrollWidth} in ${node.clientWidth}`);
      for (let box = node.parentElement; box && box !== document.documentElement; box = box.parentElement) {
        const clip = getComputedStyle(box);
        if (clip.overflowX === "visible" && clip.overflowY === "visible") continue;
        const outer = box.getBoundingClientRect();
        if (rect.top < outer.top - 1 || rect.bottom > outer.bottom + 1 || rect.left < outer.left - 1 || rect.right > outer.right + 1)
          problems.push(`slot ${slot}: clipped by ${box.tagName.toLowerCase()}.${box.className}: ${name}`);
      }
    }
    const keys = ".window-label > *, .window-closed > *, .service-names > *, .count-label > *, .count, .ticker-track > *, .call-text, .recent-calls li";
    for (const node of document.querySelectorAll(keys)) {
      if (visible(node) && node.textContent.trim()) keyFont = Math.min(keyFont, parseFloat(getComputedStyle(node).fontSize));
    }
    for (const node of document.querySelectorAll("[data-call-number]")) callFont = Math.min(callFont, parseFloat(getComputedStyle(node).fontSize));
  }
  document.body.dataset.slot = "0";
  return {problems, keyFont, callFont};
}
