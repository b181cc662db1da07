import type http from "node:http";

/**
 * A small HTML page for the owner's browser at the end of an OAuth step: a title, a few
 * lines, and optionally a form. Text is escaped; the page loads nothing and sends no referrer
 * (the address held the code and the state).
 */
export function sendOAuthPage(
  res: http.ServerResponse,
  status: number,
  page: {
    lang: string;
    title: string;
    lines: string[];
    form?: {
      action: string;
      hidden: Record<string, string>;
      choices: { value: string; label: string }[];
      submit: string;
    };
  },
): void {
  const form = page.form
    ? `<form method="post" action="${escapeHtml(page.form.action)}">${Object.entries(page.form.hidden)
        .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
        .join("")}${page.form.choices
        .map(
          (c, i) =>
            `<p><label><input type="radio" name="account" value="${escapeHtml(c.value)}"${i === 0 ? " checked" : ""}> ${escapeHtml(c.label)}</label></p>`,
        )
        .join("")}<p><button type="submit">${escapeHtml(page.form.submit)}</button></p></form>`
    : "";
  const html = `<!doctype html><html lang="${escapeHtml(page.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">${escapeHtml(page.title)}</h1>${page.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}${form}</body></html>`;
  res
    .writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      "x-frame-options": "DENY",
    })
    .end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
