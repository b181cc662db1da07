import { channelSetting } from "./channel-setting.ts";
import type { ConfigSetting } from "./config-settings.ts";
import { currencySetting } from "./currency-setting.ts";
import { daysSetting } from "./days-setting.ts";
import { digestSetting } from "./digest-setting.ts";
import { langSetting } from "./lang-setting.ts";
import { ownerSetting } from "./owner-setting.ts";
import { quietSetting } from "./quiet-setting.ts";
import { termsSetting } from "./terms-setting.ts";
import { timezoneSetting } from "./timezone-setting.ts";

/** In the order `/client config` and its help list them. */
export const configSettings: ConfigSetting[] = [
  langSetting,
  ownerSetting,
  timezoneSetting,
  channelSetting,
  digestSetting,
  daysSetting,
  quietSetting,
  termsSetting,
  currencySetting,
];
