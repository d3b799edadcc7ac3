/** CIDR membership for `IpAddress`/`NotIpAddress`, IPv4 and IPv6. A bare address is a /32 (/128). */

export function cidrContains(cidr: string, address: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const net = parseIp(base ?? '');
  const ip = parseIp(address);
  if (net === undefined || ip === undefined || net.width !== ip.width) return false;
  const bits = bitsText === undefined ? net.width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > net.width) return false;
  const shift = BigInt(net.width - bits);
  return net.value >> shift === ip.value >> shift;
}

function parseIp(text: string): { value: bigint; width: number } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const octets = text.split('.').map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    return { value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n), width: 32 };
  }
  if (text.includes(':') && /^[0-9a-fA-F:]+$/.test(text)) {
    const halves = text.split('::');
    if (halves.length > 2) return undefined;
    const head = halves[0] ? halves[0].split(':') : [];
    const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
    const missing = 8 - head.length - tail.length;
    if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
    const groups = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), width: 128 };
  }
  return undefined;
}
