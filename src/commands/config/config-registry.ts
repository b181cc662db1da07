import type { ConfigSetting } from "./config-settings.ts";
import { langSetting } from "./lang-setting.ts";
import { ownerSetting } from "./owner-setting.ts";

export const configSettings: ConfigSetting[] = [langSetting, ownerSetting];
