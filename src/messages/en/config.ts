export const config = {
  langSet: "Tact now speaks English in this workspace.",
  current: (p: { lang: string; owner: string; timezone: string }) =>
    `Language: ${p.lang} · Owner: ${p.owner} · Time zone: ${p.timezone}`,
  unknownSetting: (p: { setting: string; settings: string }) =>
    `There is no setting "${p.setting}". Settings: ${p.settings}.`,
  languages: { en: "English", fr: "French" },
  action: {
    config: "change the workspace settings",
  },
  currency: {
    set: (p: { currency: string; example: string }) =>
      `The workspace's default currency is now ${p.currency}: amounts typed without a currency are in ${p.currency} (/client invoice acme INV-8 ${p.example}).`,
    current: (p: { currency: string | null }) =>
      p.currency
        ? `The workspace's default currency is ${p.currency}. /client config currency EUR changes it (owner only).`
        : "No default currency yet: the first invoice recorded with a currency sets it. /client config currency EUR sets it now (owner only).",
  },
};
