import type { MessagesOf } from "../../i18n/messages";
import type { accountSv } from "./messages.sv";

// English texts of features/account: exactly the keys and placeholders of messages.sv.ts.
export const accountEn: MessagesOf<typeof accountSv> = {
  "auth.logout": "Sign out",
  "auth.checking": "Checking your sign-in …",

  "login.title": "Sign in",
  "login.intro": "Sign in with your username and password.",
  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.loggedOut": "You are signed out.",
  "login.loggedOutProviderOpen":
    "You are signed out of Frid. Your sign-in at the identity provider may still be open – close the browser if someone else can use this computer.",
  "login.providers": "Or log in with your organisation's login:",
  "login.withProvider": "Log in with {name}",
  "login.expired": "You have been signed out. Sign in again to continue.",

  "session.warningIdle":
    "You have not worked in Frid for a while and will be signed out at {time}. What you have typed is kept.",
  "session.warningAbsolute":
    "You have been signed in for as long as a sign-in may last and will be signed out at {time}. Save what you are writing; then sign in again and carry on.",
  "session.continue": "Keep working",
  "relogin.title": "Sign in again",
  "relogin.intro":
    "You have been signed out. What you typed is still here: sign in again to carry on where you were, and what you were saving is saved then.",
  "relogin.logout": "Sign out",
  "relogin.logoutHint": "If you sign out instead, whatever you have not saved is lost.",

  "mfa.title": "Enter one-time code",
  "mfa.intro":
    "Open the authenticator app on your phone and enter the six-digit code shown for Frid.",
  "mfa.code": "One-time code",
  "mfa.codeHint": "Six digits, for example 123456.",
  "mfa.submit": "Continue",
  "mfa.cancel": "Cancel",

  "newPassword.title": "Choose a password of your own",
  "newPassword.intro":
    "You logged in with a one-time password. Choose a password of your own before you go on.",
  "newPassword.current": "One-time password",
  "newPassword.submit": "Save and continue",
  "mfaEnrol.title": "Set up two-step verification",
  "mfaEnrol.intro":
    "Frid requires a one-time code from an authenticator app when you sign in. Do this once:",
  "mfaEnrol.step1": "Open the authenticator app on your phone and add a new account.",
  "mfaEnrol.step2": "Scan the QR code, or type in the key by hand.",
  "mfaEnrol.step3": "Enter the six-digit code the app then shows.",
  "mfaEnrol.qrAlt": "QR code for adding Frid to the authenticator app",
  "mfaEnrol.secret": "Key to type in by hand",
  "mfaEnrol.submit": "Activate and sign in",

  "account.title": "My account",
  "account.linkHint": "my account",
  "account.detailsTitle": "Details",
  "account.organisation": "Organisation",
  "account.mfaTitle": "Two-step verification",
  "account.mfaEnrolled":
    "Two-step verification is set up. Changed phones? Ask the system administrator to reset it.",
  "account.mfaNotEnrolled":
    "Two-step verification is not set up. With it, signing in needs both the password and a code from your phone.",
  "account.mfaStart": "Set up two-step verification",
  "account.mfaSubmit": "Activate",
  "account.mfaDone": "Two-step verification is set up.",
  "account.passwordTitle": "Change password",
  "account.currentPassword": "Current password",
  "account.newPassword": "New password",
  "account.newPasswordHint":
    "At least 12 characters. A sentence of a few words is easy to remember and hard to guess.",
  "account.repeatPassword": "Repeat the new password",
  "account.passwordMismatch": "The passwords are not the same.",
  "account.passwordSubmit": "Change password",
  "account.passwordChanged": "The password has been changed. Your other sign-ins have ended.",
  "mfa.keyTitle": "Sign in with a security key",
  "mfa.useKey": "Use security key",
  "mfa.keyIntro":
    "Do you have a security key, or a key in your computer or phone (passkey)? Use it instead of the code.",
  "mfa.keyOnlyIntro":
    "Sign in with your security key: press the button and follow the instructions, for example touch the key.",
  "mfa.keyFailed":
    "The security key was not used: it was cancelled, took too long or none of your keys was found. Try again.",
  "keys.title": "Security keys",
  "keys.intro":
    "A security key (for example a USB key) or a key in your computer or phone (passkey) can be used instead of the one-time code when you sign in.",
  "keys.twoKeys": "Add at least two keys, so that you can sign in if one is lost.",
  "keys.none": "You have no security keys.",
  "keys.listLabel": "My security keys",
  "keys.createdAt": "Added {when}",
  "keys.lastUsedAt": "last used {when}",
  "keys.neverUsed": "not used yet",
  "keys.rename": "Rename {name}",
  "keys.newName": "New name for {name}",
  "keys.saveName": "Save the name",
  "keys.renamed": "The key is now called {name}.",
  "keys.remove": "Remove {name}",
  "keys.removed": "{name} is removed.",
  "keys.addTitle": "Add a key",
  "keys.name": "Name of the key",
  "keys.nameHint": "So that you recognise it, for example “Yellow key” or “Work laptop”.",
  "keys.nameMissing": "Give the key a name.",
  "keys.password": "Your password",
  "keys.passwordHint": "For your safety, enter your password again before a key is added.",
  "keys.add": "Add key",
  "keys.added": "The key {name} is added.",
  "keys.browserFailed":
    "The key was not added: it was cancelled, took too long or the browser does not support security keys. Try again.",
};
