export type ShareNetwork = 'facebook' | 'x' | 'linkedin' | 'whatsapp' | 'email';

/** A link that opens the network's share dialog for an absolute URL. */
export function shareUrl(network: string, url: string, title: string): string {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  switch (network) {
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${u}`;
    case 'x':
      return `https://x.com/intent/post?url=${u}&text=${t}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${u}`;
    case 'whatsapp':
      return `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`;
    case 'email':
      return `mailto:?subject=${t}&body=${u}`;
    default:
      throw new Error(`unknown share network "${network}" (use facebook, x, linkedin, whatsapp or email)`);
  }
}
