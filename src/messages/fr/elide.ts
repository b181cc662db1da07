/**
 * French elides « de », « le » and « que » before a word that starts with a vowel sound:
 * « d'ACME SARL », « le dossier d'Orion », « qu'Émilie ». A leading h is taken as mute
 * (« d'Hélène »), as it is for most names; a leading y only before a consonant (« d'Yves »,
 * but « de Yann »).
 */
const vowelSound = /^(?:[aeiouœæàâäéèêëîïôöùûüh]|y(?![aeiouéèêàâîôû]))/i;

/** Whether French elides the word before `word`. */
export function startsWithVowelSound(word: string): boolean {
  return vowelSound.test(word.trim());
}

/** « de ACME » → « d'ACME », « de Bolt » unchanged. */
export const de = (name: string): string => (startsWithVowelSound(name) ? `d'${name}` : `de ${name}`);
/** « le ACME » → « l'ACME ». */
export const le = (name: string): string => (startsWithVowelSound(name) ? `l'${name}` : `le ${name}`);
/** « que Orion » → « qu'Orion ». */
export const que = (name: string): string => (startsWithVowelSound(name) ? `qu'${name}` : `que ${name}`);
