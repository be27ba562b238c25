/** ZStack's range for a backend's weight (0 means "no traffic", legal and useful for draining). */
export const weightRange = { min: 0, max: 100, default: 100 } as const;

// ASCII digits only, on purpose: a node's Long.valueOf also reads other scripts' digits ("١٠" is 10), but
// what the admin sees in the field should be what ZStack stores and shows back.
const wholeNumber = /^\d+$/;

/** A whole number from 0 to 100, as typed (spaces around it allowed). */
export function isValidWeight(text: string): boolean {
  const value = text.trim();
  return wholeNumber.test(value) && Number(value) >= weightRange.min && Number(value) <= weightRange.max;
}
