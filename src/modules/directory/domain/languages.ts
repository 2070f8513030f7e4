/** Languages offered as checkboxes: the public languages and those most spoken by migrants in Italy. */
export const COMMON_LANGUAGES = ['it', 'en', 'fr', 'es', 'ar', 'zh', 'sq', 'uk', 'bn', 'ur', 'ro', 'ru', 'pt', 'pa', 'hi', 'ta', 'si', 'tl', 'fa', 'ps', 'ti', 'so', 'wo', 'tr'];
