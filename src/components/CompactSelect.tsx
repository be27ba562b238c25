import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { InputBase, type InputBaseProps } from '@mantine/core';

type CompactSelectProps = InputBaseProps &
  Omit<ComponentPropsWithoutRef<'select'>, 'size'> & { icon: ReactNode; children: ReactNode };

/**
 * A native <select> in Mantine's input style, small, with an icon: the language and theme menus. Native,
 * so that it is keyboard- and screen-reader-friendly everywhere and adds little to the first page.
 */
export function CompactSelect({ icon, children, ...props }: CompactSelectProps) {
  return (
    <InputBase
      component="select"
      size="xs"
      pointer
      leftSection={icon}
      rightSection={
        <svg
          width="12"
          height="12"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          aria-hidden
        >
          <path d="m7 9 5-5 5 5M7 15l5 5 5-5" />
        </svg>
      }
      rightSectionPointerEvents="none"
      {...props}
    >
      {children}
    </InputBase>
  );
}
