-- AlterTable
ALTER TABLE "User" ADD COLUMN     "secretChangedAt" TIMESTAMP(3);
