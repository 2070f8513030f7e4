import type { NavItem } from '../../kernel/module.ts';

/** The accounts module's entries in the main navigation. */
export const ACCOUNTS_NAVIGATION: NavItem[] = [
  { labelKey: 'accounts.staff.nav.admin', path: '/admin', audience: 'staff', permission: 'accounts.person.read', order: 90 },
];
