import type { NavItem } from '../../kernel/module.ts';

/** The accounts module's entries in the main navigation. */
export const ACCOUNTS_NAVIGATION: NavItem[] = [];
