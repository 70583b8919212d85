/** Currencies a call's budget may be written in (ISO 4217). */
export const currencyCodes = ['USD', 'EUR', 'CHF', 'GBP', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'ZAR', 'KES', 'NGN', 'XOF', 'MAD', 'TND', 'LBP', 'JOD', 'EGP', 'INR', 'BDT'] as const;
