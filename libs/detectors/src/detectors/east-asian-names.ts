/**
 * The shapes of romanised Chinese and Korean given names, for the person-name detector:
 * - Hanyu Pinyin syllables, without tones: a word that splits into them is written like a Chinese
 *   given name ("Xiuying", "Jianping", "Zhiming"), which a trade's ending ("-ing") does not make a firm;
 * - the syllables of Korean given names (Revised Romanisation and the older spellings still used):
 *   two of them joined by a hyphen are a Korean given name ("Ji-woo", "Seo-yeon", "Min-jun").
 */
const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen
  cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao
  die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai
  guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu
  ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang
  liao lie lin ling liu lo long lou lu lv luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang
  nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nv nuan nue nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping
  po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang
  sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta
  tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing
  xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao
  zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/),
);

/** `lower` (lower case, 12 letters at most) is two or three pinyin syllables, each after the first starting with a consonant. */
export function pinyinName(lower: string): boolean {
  return lower.length <= 12 && split(lower, 0, 0);
}

function split(w: string, from: number, count: number): boolean {
  if (from === w.length) return count >= 2;
  if (count === 3) return false;
  // a syllable after the first starts with a consonant (a vowel there would be written with an apostrophe: "Xi'an")
  if (count > 0 && 'aeiou'.includes(w[from]!)) return false;
  for (let len = Math.min(6, w.length - from); len >= 1; len--) if (SYLLABLES.has(w.slice(from, from + len)) && split(w, from + len, count + 1)) return true;
  return false;
}

const KOREAN = new Set(
  `a ae ah an bae beom bin bo bok bong bu bum byeong byung cha chae chan chang cheol cheon chi chul chun chung da dae dam deok do dong du duk eon eui
  eun ga gang geun gi gil gu guk gwang gyeong gyu ha hae han hee heon ho hong hoon hun hwa hwan hye hyeok hyeon hyeong hyo hyuk hyun hyung il im in
  ja jae je jeong ji jik jin jo jong joo joon ju jun jung kang keun ki ku kun kwang kyu kyung mi min mo moon mu mun myeong myung na nam pil ra rae
  ran ri rim rin ro ryeong ryu sa sae san sang se seo seok seon seong seung shik shin si sik sin so sol soo sook su suk sun sung tae taek ui uk ung
  won woo wook woong ya yang ye yeo yeon yeong yi yong yoo yoon young yu yun`.split(/\s+/),
);

/** `lower` is two different Korean given-name syllables joined by a hyphen ("ji-woo", not "ha-ha"). */
export function koreanGiven(lower: string): boolean {
  const i = lower.indexOf('-');
  if (i < 1 || lower.indexOf('-', i + 1) !== -1) return false;
  const a = lower.slice(0, i), b = lower.slice(i + 1);
  return a !== b && KOREAN.has(a) && KOREAN.has(b);
}
