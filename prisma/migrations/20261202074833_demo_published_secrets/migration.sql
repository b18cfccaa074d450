-- AlterTable
ALTER TABLE "User" ADD COLUMN     "publishedSecret" BOOLEAN NOT NULL DEFAULT false;
