// Region overview: reloads every hall's figures from the overview JSON every 3 seconds.
const table = document.querySelector("[data-region-overview]");
const texts = JSON.parse(document.getElementById("region-texts")?.textContent || "{}");
const INTERVAL_MS = 3000;

function fill(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (_match, key) => String(values[key] ?? ""));
}

function chip(text, extra) {
  const span = document.createElement("span");
  span.className = extra ? `chip ${extra}` : "chip";
  span.textContent = text;
  return span;
}

function suspensionText(item) {
  const where = item.scope === "window" ? fill(texts.window, { n: item.target })
    : item.scope === "service" ? fill(texts.service, { code: item.target }) : texts.hall;
  return `${where}: ${item.reason}`;
}

function draw(row, hall) {
  const cell = (name) => row.querySelector(`[data-field="${name}"]`);
  cell("services").replaceChildren(...hall.services.map((s) => chip(`${s.code} ${s.waiting}`)));
  cell("longest").textContent = fill(texts.minutes, { n: hall.longest_wait_minutes });
  cell("windows").textContent = `${hall.open_windows} / ${hall.windows}`;
  const suspensions = hall.suspensions.map((item) => chip(suspensionText(item), "warn"));
  if (suspensions.length) cell("suspensions").replaceChildren(...suspensions);
  else cell("suspensions").textContent = texts.none;
}

async function refresh() {
  try {
    const response = await fetch(table.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) return;
    const data = await response.json();
    for (const hall of data.halls) {
      const row = table.querySelector(`tr[data-hall="${CSS.escape(hall.code)}"]`);
      if (row) draw(row, hall);
    }
    table.dataset.updatedAt = data.generated_at;
  } catch (_error) {
    // offline for a moment: the next round tries again
  }
}

if (table) setInterval(refresh, INTERVAL_MS);
