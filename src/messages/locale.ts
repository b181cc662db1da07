// Locales are a domain notion (terms name the client's language); the catalogs use them from here.
export * from "../domain/locale.ts";
