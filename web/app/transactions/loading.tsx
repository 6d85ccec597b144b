import { PageSkeleton } from '@/ui/skeletons'

export default function Loading() {
  return <PageSkeleton />
}
