/**
 * The demo shop's data: a small, fixed world so that scenarios have real answers to find.
 * Dates are judged against {@link AS_OF}, not the wall clock, so results never drift.
 */
export const AS_OF = '2026-11-20';

export type Category = 'general' | 'electronics' | 'clothing' | 'digital';

export interface Order {
  orderId: string;
  customerEmail: string;
  status: 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
  placedAt: string;
  deliveredAt?: string;
  category: Category;
  items: Array<{ sku: string; name: string; qty: number; priceUsd: number }>;
  trackingNumber?: string;
}

export interface Shipment {
  trackingNumber: string;
  carrier: string;
  status: 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
  eta?: string;
  lastScan: { location: string; at: string };
  note?: string;
}

const item = (sku: string, name: string, priceUsd: number, qty = 1) => ({
  sku,
  name,
  qty,
  priceUsd,
});

export const ORDERS: readonly Order[] = [
  {
    orderId: 'ORD-10001',
    customerEmail: 'alice@example.com',
    status: 'shipped',
    placedAt: '2026-11-14',
    category: 'electronics',
    items: [item('HP-200', 'Wireless headphones', 89.99)],
    trackingNumber: 'TRK10000001',
  },
  {
    orderId: 'ORD-10002',
    customerEmail: 'bob@example.com',
    status: 'delivered',
    placedAt: '2026-11-03',
    deliveredAt: '2026-11-08',
    category: 'clothing',
    items: [item('JK-510', 'Rain jacket', 120)],
    trackingNumber: 'TRK10000002',
  },
  {
    orderId: 'ORD-10003',
    customerEmail: 'carol@example.com',
    status: 'processing',
    placedAt: '2026-11-19',
    category: 'general',
    items: [item('BL-300', 'Countertop blender', 59.5)],
  },
  {
    orderId: 'ORD-10004',
    customerEmail: 'dan@example.com',
    status: 'delivered',
    placedAt: '2026-09-20',
    deliveredAt: '2026-09-25',
    category: 'general',
    items: [item('LM-120', 'Desk lamp', 34)],
    trackingNumber: 'TRK10000004',
  },
  {
    orderId: 'ORD-10005',
    customerEmail: 'erin@example.com',
    status: 'shipped',
    placedAt: '2026-11-06',
    category: 'general',
    items: [item('CK-900', 'Cookware set', 199), item('KN-100', 'Chef knife', 45)],
    trackingNumber: 'TRK10000005',
  },
  {
    orderId: 'ORD-10006',
    customerEmail: 'frank@example.com',
    status: 'delivered',
    placedAt: '2026-11-10',
    deliveredAt: '2026-11-10',
    category: 'digital',
    items: [item('EB-042', 'Cooking e-book', 14.99)],
  },
  {
    orderId: 'ORD-10007',
    customerEmail: 'grace@example.com',
    status: 'cancelled',
    placedAt: '2026-11-12',
    category: 'clothing',
    items: [item('SW-220', 'Wool sweater', 75)],
  },
  {
    orderId: 'ORD-10008',
    customerEmail: 'heidi@example.com',
    status: 'delivered',
    placedAt: '2026-11-09',
    deliveredAt: '2026-11-13',
    category: 'electronics',
    items: [item('RT-3000', 'AX3000 Wi-Fi router', 149)],
    trackingNumber: 'TRK10000008',
  },
  {
    orderId: 'ORD-10009',
    customerEmail: 'ivan@example.com',
    status: 'shipped',
    placedAt: '2026-11-15',
    category: 'electronics',
    items: [item('SP-10', 'Smart speaker', 99)],
    trackingNumber: 'TRK10000009',
  },
  {
    orderId: 'ORD-10010',
    customerEmail: 'judy@example.com',
    status: 'refunded',
    placedAt: '2026-10-30',
    deliveredAt: '2026-11-04',
    category: 'general',
    items: [item('TW-010', 'Towel set', 40, 2)],
    trackingNumber: 'TRK10000010',
  },
  {
    orderId: 'ORD-10011',
    customerEmail: 'alice@example.com',
    status: 'delivered',
    placedAt: '2026-11-01',
    deliveredAt: '2026-11-06',
    category: 'electronics',
    items: [item('TH-50', 'Smart thermostat', 129)],
    trackingNumber: 'TRK10000011',
  },
];

export const SHIPMENTS: readonly Shipment[] = [
  {
    trackingNumber: 'TRK10000001',
    carrier: 'UPS',
    status: 'in_transit',
    eta: '2026-11-24',
    lastScan: { location: 'Memphis, TN', at: '2026-11-19T22:10:00Z' },
  },
  {
    trackingNumber: 'TRK10000002',
    carrier: 'USPS',
    status: 'delivered',
    lastScan: { location: 'Portland, OR', at: '2026-11-08T15:42:00Z' },
  },
  {
    trackingNumber: 'TRK10000004',
    carrier: 'USPS',
    status: 'delivered',
    lastScan: { location: 'Austin, TX', at: '2026-09-25T11:05:00Z' },
  },
  {
    trackingNumber: 'TRK10000005',
    carrier: 'FedEx',
    status: 'exception',
    eta: '2026-11-26',
    lastScan: { location: 'Newark, NJ', at: '2026-11-12T08:30:00Z' },
    note: 'Address could not be verified; held at facility',
  },
  {
    trackingNumber: 'TRK10000008',
    carrier: 'UPS',
    status: 'delivered',
    lastScan: { location: 'Denver, CO', at: '2026-11-13T17:20:00Z' },
  },
  {
    trackingNumber: 'TRK10000009',
    carrier: 'DHL',
    status: 'out_for_delivery',
    eta: '2026-11-20',
    lastScan: { location: 'Chicago, IL', at: '2026-11-20T06:55:00Z' },
  },
  {
    trackingNumber: 'TRK10000010',
    carrier: 'USPS',
    status: 'delivered',
    lastScan: { location: 'Boston, MA', at: '2026-11-04T13:00:00Z' },
  },
  {
    trackingNumber: 'TRK10000011',
    carrier: 'UPS',
    status: 'delivered',
    lastScan: { location: 'Seattle, WA', at: '2026-11-06T10:15:00Z' },
  },
];

export const REFUND_POLICIES: Readonly<
  Record<Category, { windowDays: number; condition: string; processingDays: number }>
> = {
  general: { windowDays: 30, condition: 'Unused and in original packaging', processingDays: 5 },
  electronics: {
    windowDays: 30,
    condition: 'Defective items any time in the window; unopened items otherwise',
    processingDays: 7,
  },
  clothing: { windowDays: 60, condition: 'Unworn with tags attached', processingDays: 5 },
  digital: { windowDays: 0, condition: 'Not refundable once downloaded', processingDays: 0 },
};

export interface Account {
  email: string;
  locked: boolean;
  verified: boolean;
}

export const ACCOUNTS: readonly Account[] = [
  { email: 'alice@example.com', locked: false, verified: true },
  { email: 'bob@example.com', locked: true, verified: true },
  { email: 'carol@example.com', locked: false, verified: false },
  { email: 'dan@example.com', locked: false, verified: true },
  { email: 'heidi@example.com', locked: true, verified: true },
];

export interface Device {
  deviceId: string;
  model: string;
  firmware: string;
  findings: string[];
  healthy: boolean;
}

export const DEVICES: readonly Device[] = [
  {
    deviceId: 'DEV-2001',
    model: 'AX3000 Wi-Fi router',
    firmware: '2.1.4',
    findings: [
      'Firmware 2.1.4 drops Wi-Fi every few minutes (known issue KI-301)',
      'Signal strength normal',
    ],
    healthy: false,
  },
  {
    deviceId: 'DEV-2002',
    model: 'Smart speaker',
    firmware: '5.0.2',
    findings: ['All checks passed'],
    healthy: true,
  },
  {
    deviceId: 'DEV-2003',
    model: 'Smart thermostat',
    firmware: '3.3.0',
    findings: ['Temperature sensor not responding (error E104)'],
    healthy: false,
  },
  {
    deviceId: 'DEV-2004',
    model: 'Wireless headphones',
    firmware: '1.8.1',
    findings: ['Battery health 62%', 'Pairing table full (error E017)'],
    healthy: false,
  },
];

export interface KnownIssue {
  issueId: string;
  errorCode: string;
  title: string;
  fix: string;
  keywords: string[];
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [
  {
    issueId: 'KI-301',
    errorCode: 'E042',
    title: 'Wi-Fi drops every few minutes on router firmware 2.1.4',
    fix: 'Update the router to firmware 2.1.6 (Settings > System > Update), then restart it',
    keywords: ['router', 'wifi', 'wi-fi', 'disconnect', 'drops', 'firmware'],
  },
  {
    issueId: 'KI-302',
    errorCode: 'E104',
    title: 'Thermostat temperature sensor fault',
    fix: 'Reseat the sensor cable; if E104 persists the unit is replaced under warranty',
    keywords: ['thermostat', 'sensor', 'temperature'],
  },
  {
    issueId: 'KI-303',
    errorCode: 'E017',
    title: 'Headphones fail to pair: pairing table full',
    fix: 'Hold the power button for 10 seconds to clear pairings, then pair again within 2 minutes',
    keywords: ['headphones', 'pair', 'pairing', 'bluetooth'],
  },
  {
    issueId: 'KI-304',
    errorCode: 'E001',
    title: 'Device does not turn on after a power outage',
    fix: 'Unplug the device for 60 seconds, plug it back in and hold the power button for 5 seconds',
    keywords: ['turn on', 'power', 'dead', 'outage'],
  },
];
