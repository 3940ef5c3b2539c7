// `3 postes`, `1 poste`: French count with the noun in the singular for 0 and 1.
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? plural : singular}`;
}
