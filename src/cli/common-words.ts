import { writeFile } from "node:fs/promises";
import { COMMON_WORDS_FILE } from "../kb/common-words.js";
import { computeCommonWords, renderCommonWords } from "../kb/common-word-list.js";

/** `npm run common-words`: regenerate src/kb/common-words.txt from the two word-list packages. */
const words = computeCommonWords();
await writeFile(COMMON_WORDS_FILE, renderCommonWords(words));
console.log(`wrote ${COMMON_WORDS_FILE.pathname}: ${words.length} common words`);
