// Makes the Noto fonts shipped in src/kernel/web/assets/fonts/ from Debian's full fonts (packages fonts-noto-core
// and fonts-noto-cjk) with harfbuzz's hb-subset (package libharfbuzz-bin). Run it again to widen a subset:
//   node --import tsx scripts/subset-fonts.ts [folder of the Noto files, default: Debian's]
// The CJK subset keeps the 6,763 hanzi of GB 2312 plus every character of the Chinese interface strings and
// country names; the other fonts keep their whole script. Kept characters and sizes are printed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = path.join(root, 'src', 'kernel', 'web', 'assets', 'fonts');
const source = process.argv[2];
const truetype = source ?? '/usr/share/fonts/truetype/noto';
const opentype = source ?? '/usr/share/fonts/opentype/noto';

// Digits, punctuation and spaces (no Latin letters: Titillium Web sets those), the joiners and the dotted circle.
const COMMON = '0020-0040,005B-0060,007B-007E,00A0-00BF,00D7,00F7,2000-206F,20A0-20C0,2116,2122,2190-2193,2212,25CC';

/** Every character of the Chinese interface strings (each module's locales) and of the Chinese country names. */
function chineseText(): string {
  const texts: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/(^|\.)zh\.json$/.test(entry.name) && path.basename(dir) === 'locales') texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  visit(path.join(root, 'src'));
  const require = createRequire(import.meta.url);
  texts.push(fs.readFileSync(require.resolve('i18n-iso-countries/langs/zh.json'), 'utf8'));
  return texts.join('');
}

/** The 6,763 hanzi of GB 2312 (rows 16 to 87), decoded from their two-byte codes. */
function gb2312Hanzi(): string {
  const decoder = new TextDecoder('gbk');
  let hanzi = '';
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(Uint8Array.of(row, cell));
      if (/\p{Script=Han}/u.test(char)) hanzi += char;
    }
  }
  return hanzi;
}

interface Job {
  file: string;
  from: string;
  faceIndex?: number;
  unicodes: string;
  text?: string;
  /** Layout features kept; all of the font's when absent. */
  features?: string;
}

const hanText = [...new Set([...gb2312Hanzi(), ...chineseText()].filter((c) => /\p{Script=Han}/u.test(c)))].join('');
const jobs: Job[] = [];
for (const weight of ['Regular', 'Bold']) {
  const lower = weight.toLowerCase();
  jobs.push(
    // Noto Sans for Cyrillic (Ukrainian), Greek and the signs Titillium lacks.
    { file: `noto-sans-${lower}.ttf`, from: path.join(truetype, `NotoSans-${weight}.ttf`), unicodes: `${COMMON},0300-036F,0370-03FF,0400-052F,1C80-1C8F,2DE0-2DFF,A640-A69F` },
    // Arabic and Urdu, with the presentation forms.
    { file: `noto-sans-arabic-${lower}.ttf`, from: path.join(truetype, `NotoSansArabic-${weight}.ttf`), unicodes: `${COMMON},0600-06FF,0750-077F,0870-08FF,FB50-FDFF,FE70-FEFF` },
    { file: `noto-sans-bengali-${lower}.ttf`, from: path.join(truetype, `NotoSansBengali-${weight}.ttf`), unicodes: `${COMMON},0964-0965,0980-09FF` },
    // Simplified Chinese (face 2 of the collection): horizontal text only, so no vertical or regional forms.
    {
      file: `noto-sans-sc-${lower}.otf`,
      from: path.join(opentype, `NotoSansCJK-${weight}.ttc`),
      faceIndex: 2,
      unicodes: `${COMMON},3000-303F,FF00-FFEF`,
      text: hanText,
      features: 'kern,palt,ccmp',
    },
  );
}

fs.mkdirSync(out, { recursive: true });
const textFile = path.join(out, '.subset-text.txt');
try {
  for (const job of jobs) {
    const args = [`--font-file=${job.from}`, `--face-index=${job.faceIndex ?? 0}`, '--no-hinting', `--output-file=${path.join(out, job.file)}`];
    if (job.text) {
      fs.writeFileSync(textFile, job.text);
      args.push(`--text-file=${textFile}`);
    }
    args.push(`--unicodes+=${job.unicodes}`);
    if (job.features) args.push(`--layout-features=${job.features}`);
    execFileSync('hb-subset', args, { stdio: 'inherit' });
    console.log(`${job.file}: ${(fs.statSync(path.join(out, job.file)).size / 1024).toFixed(0)} kB${job.text ? `, ${[...job.text].length} hanzi` : ''}`);
  }
} finally {
  fs.rmSync(textFile, { force: true });
}
