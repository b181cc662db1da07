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
};
