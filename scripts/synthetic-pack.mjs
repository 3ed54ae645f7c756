// A synthetic content pack of N places for benchmarks, built from the shipped one: the same
// routes, festival and check-in points, plus N - 17 generated places with varied names,
// pinyin keys and categories. Valid by the pack rules.
import { readFileSync } from 'node:fs';

const SYL = ['qiao', 'si', 'hai', 'tang', 'tu', 'shu', 'guan', 'wen', 'hua', 'lou', 'jian', 'shen', 'yuan', 'lan', 'qiu', 'chang', 'fu', 'wu', 'zhan', 'yang', 'lao', 'xin', 'cun', 'he', 'qiao', 'bei', 'nan', 'dong', 'xi', 'lin'];
const HAN = ['乔', '司', '海', '塘', '图', '书', '馆', '文', '化', '楼', '健', '身', '苑', '篮', '球', '场', '服', '务', '站', '养', '老', '新', '村', '河', '桥', '北', '南', '东', '西', '林'];
const CATS = ['reading', 'culture', 'fitness', 'heritage', 'service', 'health', 'elderly'];

export function syntheticPack(n = 10_000) {
  const pack = JSON.parse(readFileSync(new URL('../public/content/pack.json', import.meta.url), 'utf8'));
  const base = pack.places[0];
  for (let i = pack.places.length; i < n; i++) {
    const k = [i % 30, (i * 7) % 30, (i * 13) % 30, (i * 31) % 30];
    const len = 2 + (i % 3);
    pack.places.push({
      ...base,
      id: `p-${i}`,
      name: { zh: k.slice(0, len).map((j) => HAN[j]).join('') + (i % 100), en: `Place ${i} ${SYL[k[0]]}` },
      pinyin: [k.slice(0, len).map((j) => SYL[j]).join(' ') + ' ' + (i % 100)],
      category: CATS[i % CATS.length],
      position: { lat: 30.30 + (i % 100) / 1000, lng: 120.25 + Math.floor(i / 100) / 1000, precision: { approximate: { radius_m: 500 } } },
      tags: [SYL[k[1]], HAN[k[2]] + HAN[k[3]]],
    });
  }
  pack.meta.version = `synthetic-${n}`;
  return JSON.stringify(pack);
}
