"""Write a realistic, deterministic content repo for benchmarks: InkWell, a stationery brand.

    python bench/generate_corpus.py --posts 10000 --out bench/corpora/10k --seed 1

Bodies are composed from many sentence templates and a large slot vocabulary, so unrelated
posts are not near-duplicates; planted cross-posts, decoys and ordinary problems are listed in
`planted.json` so benches can score what the linter finds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

WINDOW_DAYS = 30
START = datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=30)))
SPAN_DAYS = 730
AUDIENCES = {
    "students": ["instagram", "x", "tiktok", "threads", "youtube"],
    "professionals": ["linkedin", "x", "bluesky", "mastodon", "threads", "facebook"],
    "parents": ["facebook", "instagram", "pinterest", "youtube"],
}
SHORT = {"x": 270, "bluesky": 290, "threads": 480, "mastodon": 480, "pinterest": 480}
LONG_CHANNELS = ("linkedin", "facebook", "youtube")
HASHTAG_CAP = {
    "x": 2,
    "threads": 1,
    "instagram": 5,
    "linkedin": 4,
    "tiktok": 5,
    "facebook": 3,
    "youtube": 4,
    "pinterest": 4,
    "bluesky": 2,
    "mastodon": 3,
}

# ---- vocabulary (index-aligned English / Bengali where a post may be in either) ----------------
LINES = [
    "Glide",
    "Aurora",
    "Monsoon",
    "Quill",
    "Scribe",
    "Atlas",
    "Lotus",
    "Kite",
    "Nimbus",
    "Ember",
    "Tidal",
    "Saffron",
    "Indigo",
    "Pebble",
    "Marigold",
    "Shiuli",
    "Palash",
    "Orbit",
]
LINES_BN = [
    "গ্লাইড",
    "অরোরা",
    "মনসুন",
    "কুইল",
    "স্ক্রাইব",
    "অ্যাটলাস",
    "লোটাস",
    "কাইট",
    "নিম্বাস",
    "এম্বার",
    "টাইডাল",
    "জাফরান",
    "ইন্ডিগো",
    "পেবল",
    "গাঁদা",
    "শিউলি",
    "পলাশ",
    "অরবিট",
]
TYPES = [
    "gel pen",
    "fountain pen",
    "rollerball",
    "fineliner",
    "highlighter set",
    "spiral notebook",
    "dotted journal",
    "sketchbook",
    "weekly planner",
    "pencil case",
    "ink bottle",
    "refill pack",
    "mechanical pencil",
    "brush pen set",
    "desk organiser",
    "exam kit",
    "calligraphy set",
    "leather diary",
    "colour pencil tin",
    "sticky note pad",
]
TYPES_BN = [
    "জেল পেন",
    "ফাউন্টেন পেন",
    "রোলারবল কলম",
    "ফাইনলাইনার",
    "হাইলাইটার সেট",
    "স্পাইরাল খাতা",
    "ডটেড জার্নাল",
    "স্কেচবুক",
    "সাপ্তাহিক প্ল্যানার",
    "পেন্সিল বক্স",
    "কালির বোতল",
    "রিফিল প্যাক",
    "মেকানিক্যাল পেন্সিল",
    "ব্রাশ পেন সেট",
    "ডেস্ক অর্গানাইজার",
    "পরীক্ষার কিট",
    "ক্যালিগ্রাফি সেট",
    "চামড়ার ডায়েরি",
    "রঙপেন্সিলের বাক্স",
    "স্টিকি নোট প্যাড",
]
FEATURES = [
    "quick-dry ink",
    "a smudge-proof tip",
    "a refillable brass barrel",
    "acid-free paper",
    "lay-flat binding",
    "thick 100 gsm pages",
    "a soft silicone grip",
    "a 0.5 mm needle tip",
    "a water-resistant cover",
    "archival pigment ink",
    "100% recycled paper",
    "ghost-grid pages",
    "a magnetic clasp",
    "a clear ink window",
    "numbered pages",
    "an elastic pen loop",
    "a two-way nib",
    "fade-proof colours",
    "a spring-loaded clip",
    "a pocket for loose notes",
]
FEATURES_BN = [
    "দ্রুত শুকানো কালি",
    "দাগহীন নিব",
    "রিফিলযোগ্য পিতলের বডি",
    "অ্যাসিড-মুক্ত কাগজ",
    "পুরোপুরি খুলে রাখা যায় এমন বাঁধাই",
    "মোটা ১০০ জিএসএম পাতা",
    "নরম সিলিকন গ্রিপ",
    "জলরোধী মলাট",
    "দীর্ঘস্থায়ী কালি",
    "পুনর্ব্যবহৃত কাগজ",
    "চৌম্বক ক্লিপ",
    "নম্বর দেওয়া পাতা",
    "কলম রাখার ইলাস্টিক লুপ",
    "রং না-ওঠা কালি",
    "আলগা কাগজ রাখার পকেট",
]
BENEFITS = [
    "your notes stay crisp",
    "left-handed writers get no smudges",
    "the ink never skips",
    "one refill lasts a whole semester",
    "nothing bleeds through the page",
    "your hand does not tire",
    "your ideas stay in one place",
    "colours stay bright for years",
    "it survives the bottom of any backpack",
    "every line comes out even",
    "you find last week's notes in seconds",
    "there is less plastic in the bin",
]
BENEFITS_BN = [
    "হাত ব্যথা হয় না",
    "পাতায় কালি ছড়ায় না",
    "লেখা থাকে ঝকঝকে",
    "এক রিফিলে চলে পুরো সেমিস্টার",
    "বাঁহাতিদের লেখাও থাকে দাগহীন",
    "ব্যাগের ভেতরেও খাতা থাকে অক্ষত",
    "রং থাকে বছরের পর বছর",
    "পুরনো নোট খুঁজে পাওয়া যায় মুহূর্তে",
]
COLOURS = [
    "midnight blue",
    "forest green",
    "crimson",
    "charcoal",
    "teal",
    "lavender",
    "sunflower yellow",
    "coral",
    "slate grey",
    "burgundy",
    "mint",
    "ivory",
    "ocean blue",
    "rose gold",
]
COLOURS_BN = ["গাঢ় নীল", "সবুজ", "লাল", "বেগুনি", "কমলা", "কালো", "আকাশি", "মেরুন", "হলুদ", "গোলাপি"]
OCCASIONS = [
    "exam season",
    "Diwali",
    "Eid",
    "back-to-school week",
    "Teacher's Day",
    "the new year",
    "Durga Puja",
    "Pohela Boishakh",
    "graduation week",
    "Mother's Day",
    "the monsoon",
    "the summer holidays",
    "Children's Day",
    "the first week of college",
    "year-end review season",
    "the book fair",
    "Independence Day",
    "Christmas",
]
OCCASIONS_BN = [
    "পরীক্ষার মৌসুম",
    "ঈদ",
    "দুর্গাপূজা",
    "পয়লা বৈশাখ",
    "নতুন বছর",
    "শিক্ষক দিবস",
    "ভাষা দিবস",
    "বইমেলা",
    "স্কুল খোলার সপ্তাহ",
    "দীপাবলি",
    "বর্ষাকাল",
    "গরমের ছুটি",
]
ACTIVITIES = [
    "taking lecture notes",
    "revising for finals",
    "sketching on the commute",
    "journaling before bed",
    "planning the week",
    "signing contracts",
    "writing thank-you cards",
    "brainstorming in meetings",
    "finishing homework",
    "drawing with the kids",
    "bullet journaling",
    "practising calligraphy",
    "drafting a novel",
    "mapping out a project",
    "solving maths problems",
    "writing letters home",
    "labelling lab samples",
    "annotating textbooks",
]
ACTIVITIES_BN = [
    "ক্লাসের নোট নেওয়া",
    "পরীক্ষার প্রস্তুতি",
    "রোজনামচা লেখা",
    "ছবি আঁকা",
    "সপ্তাহের পরিকল্পনা",
    "মিটিংয়ের নোট নেওয়া",
    "চিঠি লেখা",
    "গল্প লেখা",
    "হাতের লেখা অনুশীলন",
    "অঙ্ক কষা",
    "বাড়ির কাজ",
]
ACTIVITIES_BN_OF = [
    "ক্লাসের নোট নেওয়ার",
    "পরীক্ষার প্রস্তুতির",
    "রোজনামচা লেখার",
    "ছবি আঁকার",
    "সপ্তাহের পরিকল্পনার",
    "মিটিংয়ের নোট নেওয়ার",
    "চিঠি লেখার",
    "গল্প লেখার",
    "হাতের লেখা অনুশীলনের",
    "অঙ্ক কষার",
    "বাড়ির কাজের",
]
PEOPLE = {
    "students": ["students", "exam warriors", "first-years", "hostel roommates", "class monitors"],
    "professionals": ["busy managers", "designers", "consultants", "architects", "writers", "founders", "remote teams"],
    "parents": ["parents", "little artists", "young learners", "busy families", "grandparents"],
}
PEOPLE_BN = {
    "students": ["শিক্ষার্থী", "পরীক্ষার্থী", "কলেজ পড়ুয়া"],
    "professionals": ["পেশাজীবী", "ডিজাইনার", "লেখক", "উদ্যোক্তা"],
    "parents": ["অভিভাবক", "খুদে শিল্পী", "ছোট্ট পড়ুয়া"],
}
CITIES = [
    "Kolkata",
    "Dhaka",
    "Mumbai",
    "Bengaluru",
    "Pune",
    "Delhi",
    "Chennai",
    "Hyderabad",
    "Chattogram",
    "Sylhet",
    "Guwahati",
    "Jaipur",
    "Siliguri",
    "Lucknow",
]
CITIES_BN = ["কলকাতা", "ঢাকা", "চট্টগ্রাম", "সিলেট", "শিলিগুড়ি", "খুলনা", "রাজশাহী", "আসানসোল", "বর্ধমান"]
CITIES_BN_OF = ["কলকাতার", "ঢাকার", "চট্টগ্রামের", "সিলেটের", "শিলিগুড়ির", "খুলনার", "রাজশাহীর", "আসানসোলের", "বর্ধমানের"]
NAMES = [
    "Ananya",
    "Rahul",
    "Farhana",
    "Arjun",
    "Meera",
    "Tanvir",
    "Priya",
    "Sourav",
    "Nusrat",
    "Kabir",
    "Ishita",
    "Rafiq",
    "Diya",
    "Vikram",
    "Sadia",
    "Neel",
]
NAMES_BN = ["অনন্যা", "রাহুল", "ফারহানা", "অর্জুন", "মীরা", "তানভীর", "প্রিয়া", "সৌরভ", "নুসরাত"]
EMOJI = ["✍️", "📚", "🖊️", "✨", "📒", "🎒", "💼", "🎨", "🪔", "🌙", "📝", "💙", "👩‍🎓", "👨‍💻", "🌧️", "🎁"]
HASHTAGS = [
    "#BackToSchool",
    "#Stationery",
    "#WorkFromHome",
    "#ExamSeason",
    "#Journaling",
    "#DeskSetup",
    "#FountainPen",
    "#StudyGram",
    "#BulletJournal",
    "#PenAddict",
    "#NoteTaking",
]
HASHTAGS_BN = ["#পরীক্ষা", "#শুভ_নববর্ষ", "#বইমেলা", "#ঈদ_অফার", "#পূজার_উপহার"]
MENTIONS = ["@inkwell_studio", "@deskdiaries", "@thestudyhall", "@kolkata_sketchers", "@penpals_club"]
SIGN_OFFS = ["Write on. Team InkWell", "Made with care in Kolkata by the InkWell family."]
SIGN_OFF_BN = "লিখতে থাকুন। টিম InkWell"
CHOICE = re.compile(r"\[([^\]]+)\]")
DIGITS_BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")

# Templates: {slot} from the post's topic; [a|b|c] picks one phrasing per post, so two posts that
# share a template rarely share its wording.
EN = {
    "hook": [
        "{Occasion} is [almost here|around the corner|nearly upon us|coming fast], and the {product} is [ready for it|ready when you are|waiting on your desk].",
        "Meet the {product}: [built for|made for|designed around] {activity} and [everything after|whatever comes next|the long nights too].",
        "[Ever had|Have you ever had|Who else has had] a [pen|marker|refill] [give up|quit|run dry] [halfway through|in the middle of] {activity}?",
        "[New|Just landed|Fresh] in {colour}: the {product} you [kept asking us about|voted for|told us to make].",
        "{People_cap} of {city}, this [one|drop|launch] is [for you|all yours|made with you in mind].",
        "We spent {n} months [redesigning|rethinking|rebuilding] the {product}, one [prototype|sketch|test batch] at a time.",
        "Your desk [called|sent a note|dropped a hint] and it wants the {product} in {colour}.",
        "[Small upgrade, big difference|Tiny change, huge difference|Same size, new soul]: say hello to the {line} {type}.",
        "The {product} is [back in stock|finally restocked|on the shelves again] at our {city} store.",
        "Nothing beats a fresh page and a {product} on a [quiet|rainy|slow|sunny] {weekday} [morning|evening|afternoon].",
        "Three words for {occasion}: {colour}, {line}, [done|sorted|yours].",
        "If {activity} is on your [list|calendar|mind] this [week|month|{weekday}], [start with|reach for|begin with] the {product}.",
        "[Confession|True story|Office gossip]: our team [fought over|argued about|queued for] the last {colour} {type} in the [office|studio|warehouse].",
        "A {type} should [not|never] be the reason your {weekday} [goes wrong|falls apart|gets messy].",
        "Busy with {activity} this {occasion}? [Pack|Grab|Bring] the {product} first.",
        "{name} in {city} [asked|wondered|wrote in] whether the {line} {type} comes in {colour}. [It does now|Now it does|Yes, from today].",
        "[This {weekday}|Today|From this week], the {product} [joins|rejoins|lands in] our {occasion} [collection|edit|line-up].",
        "[Meet|Introducing|Say hi to] the {colour} {line} {type}, [our answer to|made for|the fix for] {activity}.",
    ],
    "benefit": [
        "Its {feature} means {benefit}.",
        "With {feature} and {feature2}, it [keeps up with|is made for|breezes through] {activity}.",
        "{Benefit}, even after [hours|a whole day|a long night] of {activity}.",
        "[Designed|Made|Built] with {people} in mind, so {benefit}.",
        "The secret is {feature}: {benefit}, [page after page|line after line|week after week].",
        "We tested it with {n2} {people} in {city} and {benefit}.",
        "Add {feature} to the mix and {benefit} from the [first line|very first page|first word].",
        "Because it has {feature}, {benefit} [on every {weekday} deadline|all term long|whatever the day throws at you].",
        "Pair it with our {line2} {type2} and {benefit}.",
        "It weighs just {grams} grams, [yet|and still] it comes with {feature}.",
        "[Thanks to|With|Because of] {feature2}, {benefit} [in {city} humidity too|even in a crowded bus|on the go].",
    ],
    "proof": [
        "[Over|More than|Almost] {n3} {people} in {city} have already [switched|made the move|signed up].",
        "Rated {rating} out of 5 by {n3} [reviewers|customers|buyers] this {season}.",
        "{name} from {city} filled {n2} pages with a single [refill|cartridge|ink bottle].",
        "Our {line} range sold out [twice|three times|in a week] last {season}.",
        "{name}, a [teacher|librarian|headmistress] in {city}, now [orders|buys|stocks] it for the whole [staff room|department|school].",
        "Last {season} {n3} of you told us it was the [best|favourite|most reliable] {type} you had [owned|used|tried].",
    ],
    "offer": [
        "Get {pct}% off the {line} range [until|till|through] {date}.",
        "Buy two and get a {line2} {type2} free this {occasion}.",
        "Free shipping on orders above ₹{price} [all {season}|this week|until {date}].",
        "Bundle the {product} with a {line2} {type2} and save ₹{save}.",
        "[Members|Newsletter readers|Loyalty members] get early access from {date}, everyone else the day after.",
        "Gift wrapping is free on every {type} [until|till] {date}.",
    ],
    "cta": [
        "Shop the {line} range at the link in bio.",
        "[Order yours today|Get yours now|Pick one up today] at {url}",
        "Find your colour [here|on our site|in the full range]: {url}",
        "Tell us in the comments: what are you writing this {occasion}?",
        "Tag [someone|a friend|the classmate] who is always borrowing your {type}.",
        "Visit our {city} store or order online at {url}",
        "Save this post for the next time you are {activity2}.",
        "Which colour would you pick, {colour} or {colour2}?",
    ],
}
BN = {
    "hook": [
        "{occasion} [আসছে|এসে গেল|দরজায় কড়া নাড়ছে], আপনার {product} [তৈরি তো|হাতে আছে তো|কেনা হয়েছে তো]?",
        "[নতুন এসেছে|বাজারে এল|এইমাত্র এল] {colour} রঙের {product}।",
        "{activity} এখন আরও [সহজ|আনন্দের|ঝামেলাহীন], সঙ্গে আছে {product}।",
        "{people}দের জন্য আমরা [নিয়ে এলাম|তৈরি করেছি|সাজিয়েছি] {product}।",
        "লেখার মাঝপথে [কলম থেমে যাওয়ার|কালি ফুরিয়ে যাওয়ার|নিব আটকে যাওয়ার] দিন শেষ, [এসে গেছে|হাজির] {product}।",
        "{city} শহরে [আবার ফিরে এসেছে|আবার পাওয়া যাচ্ছে|নতুন করে এসেছে] আমাদের {product}।",
        "নতুন পাতা আর একটা {product}, [এর চেয়ে ভালো শুরু আর কী হতে পারে|দিনের শুরুটা এমনই হওয়া উচিত|আর কী চাই]?",
        "{n} মাস ধরে আমরা [নতুন করে সাজিয়েছি|একটু একটু করে বদলেছি|যত্ন নিয়ে তৈরি করেছি] {product}।",
        "{city_of} {name} জানতে চেয়েছিলেন {product} {colour} রঙে পাওয়া যায় কি না। [এখন যায়|আজ থেকে পাওয়া যাচ্ছে]।",
        "[এই সপ্তাহে|আজ থেকে|এবার] আমাদের {occasion} [সংগ্রহে|কালেকশনে] যোগ হলো {product}।",
    ],
    "benefit": [
        "এতে আছে {feature}, তাই {benefit}।",
        "{feature} আর {feature2}, দুটোই [পাবেন একসাথে|আছে একটিতেই|মিলছে এক দামে]।",
        "[ঘণ্টার পর ঘণ্টা|সারা দিন|রাত জেগে] {activity} চললেও {benefit}।",
        "{people}দের কথা [ভেবেই|মাথায় রেখেই] এটি তৈরি, তাই {benefit}।",
        "{city_of} {n2} জন {people} এটি [ব্যবহার করে দেখেছেন|পরীক্ষা করেছেন], আর {benefit}।",
        "এর সঙ্গে [নিন|রাখুন] {line2} {type2}, তাহলে {benefit}।",
        "[ওজন|ভার] মাত্র {grams} গ্রাম, অথচ এতে আছে {feature}।",
    ],
    "proof": [
        "{city_of} {n3} জনেরও বেশি {people} [ইতিমধ্যে এটি বেছে নিয়েছেন|এখন এটিই ব্যবহার করেন]।",
        "{n3} জন [ক্রেতা|গ্রাহক] একে ৫-এর মধ্যে {rating} রেটিং দিয়েছেন।",
        "{city_of} {name} একটি [রিফিলেই|কার্ট্রিজেই] লিখেছেন {n2} পাতা।",
        "গত {season_bn} আমাদের {line} সিরিজ [দুবার|তিনবার|এক সপ্তাহেই] শেষ হয়ে গিয়েছিল।",
    ],
    "offer": [
        "{date_bn} পর্যন্ত পুরো {line} সিরিজে পাচ্ছেন {pct}% ছাড়।",
        "দুটো কিনলে একটি {line2} {type2} [একদম বিনামূল্যে|উপহার|ফ্রি]।",
        "৳{price}-এর বেশি অর্ডারে [হোম ডেলিভারি ফ্রি|ডেলিভারি চার্জ লাগবে না]।",
        "{product}-এর সঙ্গে {line2} {type2} নিলে সাশ্রয় ৳{save}।",
        "{date_bn} থেকে [সদস্যরা|নিউজলেটারের পাঠকেরা] আগেভাগে কিনতে পারবেন।",
    ],
    "cta": [
        "লিংকে ক্লিক করে [আজই|এখনই] অর্ডার করুন: {url}",
        "কমেন্টে জানান, এবারের {occasion} উপলক্ষে আপনি কী লিখছেন?",
        "যে [বন্ধু|সহপাঠী] সবসময় আপনার {type} ধার নেয়, তাকে ট্যাগ করুন।",
        "আমাদের {city} শোরুমে আসুন অথবা অনলাইনে অর্ডার করুন: {url}",
        "পোস্টটি সেভ করে রাখুন, পরের বার {activity2} সময় কাজে লাগবে।",
        "আপনি কোন রংটি নেবেন, {colour} না {colour2}?",
    ],
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SEASONS = ["summer", "winter", "monsoon", "spring", "festive season", "exam season"]
SEASONS_BN = ["গ্রীষ্মে", "শীতে", "বর্ষায়", "বসন্তে", "পূজার মরসুমে"]
MONTHS_BN = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"]
# Every post carries at least one free `detail` sentence early enough to survive `shrink`: without
# it, two 1-2 sentence posts built from the same templates were accidental near-duplicates.
PLAN_EN = {
    "short": ["detail", "hook|benefit|offer", "cta?"],
    "mid": ["hook", "detail", "benefit", "proof|offer", "cta"],
    "long": ["hook", "detail", "benefit", "detail", "proof", "offer?", "cta"],
}

# Per-post specifics: real posts tell a small story (who, what, where, a number, a quote) in words
# no template fixes, so two unrelated posts share campaign lines but not most of their 3-grams.
FIRST = (
    "Aarav Aditi Akash Amrita Anika Ankit Arif Ayesha Bipasha Chandni Debashis Deepa Farhan Gautam "
    "Hasan Imran Jaya Karan Kavya Laila Mahir Maya Mitali Nadia Nikhil Omar Pallavi Pooja Rehana Rohan "
    "Sabina Sameer Sanjana Shreya Sumon Tahmina Tanya Uday Varun Yusuf Zara Ritwik Moumita Shuvo Anjali"
).split()
SURNAME = (
    "Sen Das Roy Khan Ahmed Bose Iyer Nair Gupta Mehta Chowdhury Islam Mitra Paul Reddy Sharma Kapoor "
    "Banerjee Rahman Hossain Ghosh Dutta Saha Pillai Joshi Kulkarni Mondal Sarkar Biswas Menon"
).split()
PLACES = (
    "Salt Lake,Gariahat,Dhanmondi,Banani,Andheri,Koramangala,Indiranagar,Kothrud,Lajpat Nagar,Adyar,"
    "Gachibowli,Agrabad,Zindabazar,Behala,Howrah,Park Street,Baridhara,Uttara,Powai,Whitefield,Aundh,"
    "Saket,Mylapore,Banjara Hills,Khulshi,Jadavpur,Ballygunge,Mirpur,Bandra,Jayanagar"
).split(",")
VERBS = (
    "filled,sketched,annotated,labelled,drafted,copied,outlined,inked,planned,mapped,coloured,numbered,"
    "indexed,journaled through,scribbled across,doodled on,wrote out,lettered,ruled,tabbed"
).split(",")
ADJ = (
    "lined,dotted,blank,squared,yellowed,crisp,creased,tiny,oversized,borrowed,spare,margin-wide,"
    "coffee-stained,rain-damp,pocket-sized,spiral-bound,loose,numbered,half-used,brand-new,colour-coded,"
    "handmade,recycled,glossy,matte,folded,stapled,laminated,torn-out,bookmarked"
).split(",")
NOUNS = (
    "pages,index cards,recipe cards,maps,timetables,flashcards,postcards,receipts,letters,lab reports,"
    "storyboards,floor plans,to-do lists,mind maps,poems,menus,seating charts,ledgers,invoices,"
    "sketches,diagrams,comics,planners,notebooks,workbooks,sticky notes,envelopes,labels,bookmarks,charts"
).split(",")
WHEN = (
    "on the {n} o'clock ferry,during a power cut,before the first bell,between two client calls,on a night bus,"
    "in a hospital waiting room,at a rooftop cafe,during a {n}-hour layover,on the metro to {place},"
    "at her grandmother's kitchen table,in the library basement,on a rainy {weekday},during the lunch rush,"
    "on a train to {city},at a {n}-day workshop,after the night shift,in a crowded exam hall"
).split(",")
QUOTES = (
    "no smudges anywhere,it never skips,my boss wants one,the cap clicks nicely,dry in a blink,"
    "my kids fight over it,it survived the wash,I like my handwriting now,pages lie flat,"
    "fits my blazer pocket,that colour is perfect,even carbon copies work,my class noticed,"
    "worth every rupee,lighter than it looks,no more spare pens"
).split(",")
TAILS = (
    "with one {line} {type},using a single {type},and the {line} never faltered,on one refill,"
    "without a single blot,and still had ink to spare,in {colour},with the new {type}"
).split(",")
FIRST_BN = "আরাফ অদিতি আকাশ অমৃতা অনিকা আরিফ আয়েশা বিপাশা চন্দনী দেবাশিস দীপা ফারহান হাসান ইমরান জয়া কাব্য লায়লা মাহির মায়া মিতালী নাদিয়া নিখিল ওমর পল্লবী রেহানা রোহন সাবিনা সমীর শ্রেয়া সুমন তাহমিনা উদয় ইউসুফ জারা ঋত্বিক মৌমিতা শুভ".split()
SURNAME_BN = "সেন দাস রায় খান আহমেদ বসু চৌধুরী ইসলাম মিত্র পাল ব্যানার্জি রহমান হোসেন ঘোষ দত্ত সাহা মণ্ডল সরকার বিশ্বাস".split()
PLACES_BN = "সল্টলেক গড়িয়াহাট ধানমন্ডি বনানী বেহালা হাওড়া উত্তরা মিরপুর যাদবপুর বালিগঞ্জ খুলশী জিন্দাবাজার আগ্রাবাদ বারিধারা".split()
ADJ_BN = "রুলটানা ডটেড সাদা ছোট্ট বড় পুরনো নতুন ভাঁজ-করা চকচকে হলদেটে আধা-ভরা রঙিন হাতে-বানানো পকেট-সাইজ ছেঁড়া".split()
NOUNS_BN = "পাতা কার্ড মানচিত্র রুটিন চিঠি রসিদ রিপোর্ট নকশা তালিকা কবিতা মেনু খাতা ফ্ল্যাশকার্ড পোস্টকার্ড লেবেল খাম চার্ট".split()
VERBS_BN = ["ভরিয়েছেন", "এঁকেছেন", "লিখেছেন", "সাজিয়েছেন", "নম্বর দিয়েছেন", "রং করেছেন", "টুকে নিয়েছেন", "গুছিয়েছেন"]
WHEN_BN = [
    "লোডশেডিংয়ের সময়",
    "ভোরের ট্রেনে",
    "অফিসের লাঞ্চ বিরতিতে",
    "রাতের বাসে",
    "লাইব্রেরির কোণে",
    "{n} ঘণ্টার যাত্রায়",
    "বৃষ্টির {weekday_bn}",
    "পরীক্ষার হলে",
    "দাদির রান্নাঘরের টেবিলে",
    "ছাদের ক্যাফেতে",
]
QUOTES_BN = [
    "একটুও দাগ পড়ে না",
    "কলম থামেই না",
    "হাতের লেখা নিজেরই ভালো লাগছে",
    "বাসেও পাতা সমান থাকে",
    "বাচ্চারা এটা নিয়ে ঝগড়া করে",
    "ওয়াশিং মেশিন থেকেও বেঁচে ফিরেছে",
    "অফিসে সবাই জিজ্ঞেস করে কোথায় পেলাম",
]
WEEKDAYS_BN = ["সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার"]


def detail(rng: random.Random, s: dict[str, str], lang: str) -> str:
    """One free sentence about a customer or the team, from open-ended parts (not a template)."""
    n = rng.randint(2, 90)
    if lang == "bn":
        who = f"{rng.choice(PLACES_BN)}-এর {rng.choice(FIRST_BN)} {rng.choice(SURNAME_BN)}"
        when = rng.choice(WHEN_BN).format(
            n=str(rng.randint(2, 14)).translate(DIGITS_BN), weekday_bn=rng.choice(WEEKDAYS_BN)
        )
        if rng.random() < 0.5:
            return (
                f"{who} {when} {str(n).translate(DIGITS_BN)}টি {rng.choice(ADJ_BN)} {rng.choice(NOUNS_BN)} "
                f"{rng.choice(VERBS_BN)}, সঙ্গে ছিল {s['product']}।"
            )
        return (
            f"“{rng.choice(QUOTES_BN)}”, বলছেন {who}, {when} {rng.choice(ADJ_BN)} {rng.choice(NOUNS_BN)} লিখতে লিখতে।"
        )
    who = rng.choice(
        [
            f"{rng.choice(FIRST)} {rng.choice(SURNAME)} from {rng.choice(PLACES)}",
            f"{rng.choice(FIRST)}, who runs a {rng.choice(ADJ)} stall in {rng.choice(PLACES)},",
            f"our {rng.choice(['designer', 'packer', 'courier', 'intern', 'founder', 'accountant'])} {rng.choice(FIRST)}",
        ]
    )
    when = rng.choice(WHEN).format(
        n=rng.randint(2, 14), place=rng.choice(PLACES), weekday=rng.choice(WEEKDAYS), city=rng.choice(CITIES)
    )
    if rng.random() < 0.5:
        what = f"{n} {rng.choice(ADJ)} {rng.choice(NOUNS)}"
        tail = rng.choice(TAILS).format(line=s["line"], type=s["type"], colour=s["colour"])
        text = (
            f"{who} {rng.choice(VERBS)} {what} {when} {tail}."
            if rng.random() < 0.5
            else f"{when.capitalize()}, {who} {rng.choice(VERBS)} {what} {tail}."
        )
    else:
        text = (
            f'"{rng.choice(QUOTES).capitalize()}," says {who}, who {rng.choice(VERBS)} '
            f"{n} {rng.choice(ADJ)} {rng.choice(NOUNS)} {when}."
        )
    return text[0].upper() + text[1:]


@dataclass
class Post:
    path: str
    channel: str
    audience: str
    lang: str
    when: datetime
    sentences: list[str]
    hashtags: list[str]
    emoji: list[str]
    link: str | None
    mention: str | None
    title: str | None = None
    images: list[tuple[str, str | None]] = field(default_factory=list)
    sign_off: str | None = None
    campaign: str | None = None
    extra: str | None = None  # a planted problem's marker, if any


def slots(rng: random.Random, audience: str, lang: str) -> dict[str, str]:
    """One post's topic: the product, the occasion, the numbers."""
    li, ti = rng.randrange(len(LINES)), rng.randrange(len(TYPES))
    l2, t2 = rng.randrange(len(LINES)), rng.randrange(len(TYPES))
    day = rng.randint(1, 28)
    month = rng.randrange(12)
    slug = f"{LINES[li].lower()}-{TYPES[ti].replace(' ', '-')}"
    s = {
        "n": str(rng.randint(3, 18)),
        "n2": str(rng.randint(12, 400)),
        "n3": f"{rng.randint(2, 60) * 100:,}",
        "pct": str(rng.choice([10, 15, 20, 25, 30, 40])),
        "price": str(rng.choice([499, 799, 999, 1499])),
        "save": str(rng.choice([99, 149, 199, 249, 350])),
        "grams": str(rng.randint(9, 40)),
        "rating": f"4.{rng.randint(3, 9)}",
        "slug": slug,
        "li": str(li),
        "ti": str(ti),
        "url": rng.choice(
            [
                f"https://inkwell.in/{slug}?utm_source=social",
                f"inkwell.in/{slug}",
                f"https://bit.ly/ink{rng.randint(1000, 99999)}",
            ]
        ),
    }
    if lang == "bn":
        s.update(
            line=LINES_BN[li],
            type=TYPES_BN[ti],
            line2=LINES_BN[l2],
            type2=TYPES_BN[t2 % len(TYPES_BN)],
            feature=rng.choice(FEATURES_BN),
            feature2=rng.choice(FEATURES_BN),
            benefit=rng.choice(BENEFITS_BN),
            colour=rng.choice(COLOURS_BN),
            colour2=rng.choice(COLOURS_BN),
            occasion=rng.choice(OCCASIONS_BN),
            activity=rng.choice(ACTIVITIES_BN),
            activity2=rng.choice(ACTIVITIES_BN_OF),
            people=rng.choice(PEOPLE_BN[audience]),
            name=rng.choice(NAMES_BN),
            season_bn=rng.choice(SEASONS_BN),
            date_bn=f"{day} {MONTHS_BN[month]}",
        )
        ci = rng.randrange(len(CITIES_BN))
        s.update(city=CITIES_BN[ci], city_of=CITIES_BN_OF[ci])
        for k in ("n", "n2", "n3", "pct", "price", "save", "rating", "date_bn", "grams"):
            s[k] = s[k].translate(DIGITS_BN)
        s["product"] = f"{s['line']} {s['type']}"
        return s
    s.update(
        line=LINES[li],
        type=TYPES[ti],
        line2=LINES[l2],
        type2=TYPES[t2],
        feature=rng.choice(FEATURES),
        feature2=rng.choice(FEATURES),
        benefit=rng.choice(BENEFITS),
        colour=rng.choice(COLOURS),
        colour2=rng.choice(COLOURS),
        occasion=rng.choice(OCCASIONS),
        activity=rng.choice(ACTIVITIES),
        activity2=rng.choice(ACTIVITIES),
        people=rng.choice(PEOPLE[audience]),
        city=rng.choice(CITIES),
        name=rng.choice(NAMES),
        weekday=rng.choice(WEEKDAYS),
        season=rng.choice(SEASONS),
        date=f"{day} {datetime(2025, month + 1, 1):%B}",
    )
    s["product"] = f"InkWell {s['line']} {s['type']}"
    s["Occasion"] = s["occasion"][0].upper() + s["occasion"][1:]
    s["People_cap"] = s["people"][0].upper() + s["people"][1:]
    s["Benefit"] = s["benefit"][0].upper() + s["benefit"][1:]
    return s


def compose(
    rng: random.Random, s: dict[str, str], lang: str, length: str, avoid: frozenset[str] = frozenset()
) -> list[str]:
    """Sentences for one body, following a plan of roles (hook, benefit, ...); none from `avoid`."""
    book = BN if lang == "bn" else EN
    out: list[str] = []
    for step in PLAN_EN[length]:
        optional = step.endswith("?")
        if optional and rng.random() < 0.4:
            continue
        role = rng.choice(step.rstrip("?").split("|"))
        if role == "detail":
            out.append(detail(rng, s, lang))
            continue
        for _ in range(20):
            template = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), rng.choice(book[role]))
            sentence = template.format(**s)
            if sentence not in avoid and sentence not in out:
                break
        out.append(sentence)
    return out


def body_length(channel: str, rng: random.Random) -> str:
    if channel in ("x", "bluesky"):
        return "short"
    if channel in LONG_CHANNELS:
        return rng.choice(["mid", "long", "long"])
    return rng.choice(["short", "mid", "mid"])


def render(p: Post) -> str:
    fm = [f"channel: {p.channel}", f"audience: {p.audience}", f"publish_at: {p.when.isoformat()}", f"lang: {p.lang}"]
    if p.title:
        fm.append(f"title: {json.dumps(p.title, ensure_ascii=False)}")
    if p.campaign:
        fm.append(f"campaign: {p.campaign}")
    if p.images:
        fm.append("images:")
        for src, alt in p.images:
            fm.append(f"  - src: {src}")
            if alt is not None:
                fm.append(f"    alt: {json.dumps(alt, ensure_ascii=False)}")
    text = " ".join(p.sentences)
    if p.emoji:
        text = f"{text} {''.join(p.emoji)}"
    if p.mention:
        text = f"{text} h/t {p.mention}" if p.lang == "en" else f"{text} {p.mention}"
    if p.link and p.link not in text:
        text = f"{text}\n\n{p.link}"
    if p.sign_off:
        text = f"{text}\n\n{p.sign_off}"
    if p.hashtags:
        text = f"{text}\n\n{' '.join(p.hashtags)}"
    return "---\n" + "\n".join(fm) + "\n---\n" + text + "\n"


def decorate(rng: random.Random, p: Post, s: dict[str, str]) -> None:
    """Hashtags, emoji, link, mention, images: what a cross-post changes."""
    cap = HASHTAG_CAP[p.channel]
    pool = HASHTAGS_BN + ["#InkWell"] if p.lang == "bn" and rng.random() < 0.5 else HASHTAGS
    k = rng.randint(1 if p.channel in ("instagram", "linkedin") else 0, cap)
    tags = rng.sample(pool, min(k, len(pool)))
    if p.channel in ("instagram", "linkedin") and "#InkWell" not in tags:
        tags = (["#InkWell"] + tags)[:cap]
    p.hashtags = tags
    p.emoji = rng.sample(EMOJI, rng.randint(0, 2))
    p.link = rng.choice([None, s["url"], f"https://inkwell.in/{s['slug']}?utm_source={p.channel}"])
    p.mention = rng.choice(MENTIONS) if rng.random() < 0.12 else None
    if p.channel in ("instagram", "pinterest") or (p.channel == "facebook" and rng.random() < 0.5):
        alt = f"{s['product']} on a wooden desk" if p.lang == "en" else f"কাঠের টেবিলে রাখা {s['product']}"
        p.images = [(f"img/{s['slug']}-{rng.randint(1, 9)}.jpg", alt)]
    if p.channel in ("youtube", "pinterest"):
        p.title = f"The {s['line']} {s['type']}: a closer look" if p.lang == "en" else f"{s['product']}: কাছ থেকে দেখা"


def fits(p: Post) -> bool:
    return len(render(p).split("\n---\n", 1)[1]) <= SHORT.get(p.channel, 10_000)


def shrink(p: Post) -> None:
    """Drop sentences and decoration until a short channel's limit is met."""
    while not fits(p) and (p.hashtags or p.mention or p.emoji or p.sign_off):
        p.hashtags, p.mention, p.emoji, p.sign_off = p.hashtags[:-1], None, p.emoji[:-1], None
    while not fits(p) and len(p.sentences) > 1:
        p.sentences = p.sentences[:-1]
    if not fits(p):
        p.link = None


def new_post(
    rng: random.Random,
    i: int,
    channel: str | None = None,
    audience: str | None = None,
    lang: str | None = None,
    when: datetime | None = None,
) -> tuple[Post, dict[str, str]]:
    audience = audience or rng.choice(list(AUDIENCES))
    channel = channel or rng.choice(AUDIENCES[audience])
    lang = lang or ("bn" if rng.random() < 0.25 else "en")
    when = when or START + timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60 // 15) * 15)
    s = slots(rng, audience, lang)
    p = Post("", channel, audience, lang, when, compose(rng, s, lang, body_length(channel, rng)), [], [], None, None)
    decorate(rng, p, s)
    if rng.random() < 0.16:
        p.sign_off = SIGN_OFF_BN if lang == "bn" else rng.choice(SIGN_OFFS)
    if rng.random() < 0.2:
        p.campaign = rng.choice(["back-to-school", "festive-gifting", "exam-ready", "desk-refresh"])
    shrink(p)
    p.path = f"posts/{channel}/{when:%Y-%m}/{s['slug']}-{i:06d}.md"
    return p, s


def copy_to(rng: random.Random, orig: Post, s: dict[str, str], i: int, channel: str, days: float, tweak: bool) -> Post:
    """A cross-post: same sentences, new hashtags/emoji/link, maybe one sentence swapped."""
    p = replace(
        orig,
        channel=channel,
        when=orig.when + timedelta(days=days),
        images=[],
        title=None,
        sentences=list(orig.sentences),
    )
    decorate(rng, p, s)
    if tweak and len(p.sentences) >= 4:
        book = BN if p.lang == "bn" else EN
        p.sentences[-1] = CHOICE.sub(lambda m: m.group(1).split("|")[0], rng.choice(book["cta"])).format(**s)
    if not fits(p):
        prose = [x for x in orig.sentences if "inkwell.in" not in x and "bit.ly" not in x] or orig.sentences
        p.sentences = [max(prose, key=len)]  # the excerpt a short channel can take
        shrink(p)
    p.path = f"posts/{channel}/{p.when:%Y-%m}/{s['slug']}-{i:06d}.md"
    return p


def generate(n_posts: int, seed: int) -> tuple[list[Post], dict]:
    rng = random.Random(seed)
    n_cross, n_same = round(n_posts * 0.03), max(1, round(n_posts * 0.005))
    n_far, n_rewrite = max(1, round(n_posts * 0.005)), max(1, round(n_posts * 0.005))
    n_plain = n_posts - n_cross - n_same - n_far - n_rewrite
    posts: list[tuple[Post, dict[str, str]]] = [new_post(rng, i) for i in range(n_plain)]
    pairs, problems = [], []
    originals = rng.sample(range(n_plain), n_cross + n_same + n_far + n_rewrite)
    i = n_plain
    for k, oi in enumerate(originals):
        orig, s = posts[oi]
        others = [c for c in AUDIENCES[orig.audience] if c != orig.channel]
        if k < n_cross:
            kind, code = "cross-post", "RP001"
            if orig.channel in LONG_CHANNELS and rng.random() < 0.3:
                others = [c for c in others if c in ("x", "bluesky")] or others
            copy = copy_to(rng, orig, s, i, rng.choice(others), rng.uniform(0.5, WINDOW_DAYS - 3), rng.random() < 0.3)
            if len(copy.sentences) == 1 and len(orig.sentences) > 2:
                kind = "excerpt"
        elif k < n_cross + n_same:
            kind, code = "same-channel", "RP002"
            copy = copy_to(rng, orig, s, i, orig.channel, rng.uniform(1, WINDOW_DAYS - 3), False)
        elif k < n_cross + n_same + n_far:
            kind, code = "outside-window", "none"
            copy = copy_to(rng, orig, s, i, rng.choice(others), rng.uniform(WINDOW_DAYS + 15, 300), False)
        else:
            kind, code = "rewrite", "none"  # same product and occasion, written again for the channel
            channel = rng.choice(others)
            copy = Post(
                "",
                channel,
                orig.audience,
                orig.lang,
                orig.when + timedelta(days=rng.uniform(1, 20)),
                compose(rng, s, orig.lang, body_length(channel, rng), frozenset(orig.sentences)),
                [],
                [],
                None,
                None,
            )
            decorate(rng, copy, s)
            shrink(copy)
            copy.path = f"posts/{channel}/{copy.when:%Y-%m}/{s['slug']}-{i:06d}.md"
        posts.append((copy, s))
        pairs.append(
            {
                "a": orig.path,
                "b": copy.path,
                "kind": kind,
                "expected": code,
                "lang": orig.lang,
                "textually_similar": kind != "rewrite",
            }
        )
        i += 1
    planted_paths = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    plain = [j for j in range(n_plain) if posts[j][0].path not in planted_paths]
    for code, channel in (("BV001", "x"), ("BR001", None), ("HT001", "instagram"), ("AX001", "instagram")):
        for j in [j for j in plain if channel is None or posts[j][0].channel == channel][: max(1, n_posts // 3000)]:
            p, s = posts[j]
            if code == "BV001":
                p.sentences = compose(rng, s, p.lang, "long") + compose(rng, s, p.lang, "mid")
            elif code == "BR001":
                p.sentences = p.sentences + [
                    "Everything at inkwell is made to last." if p.lang == "en" else "inkwell-এর প্রতিটি জিনিস টেকসই।"
                ]
            elif code == "HT001":
                p.hashtags = ["#InkWell"] + HASHTAGS[:6]
            else:
                p.images = [(src, None) for src, _ in p.images] or [("img/desk.jpg", None)]
            plain.remove(j)
            problems.append({"path": p.path, "code": code})
    meta = {"posts": n_posts, "seed": seed, "window_days": WINDOW_DAYS, "pairs": pairs, "problems": problems}
    return [p for p, _ in posts], meta


CONFIG = """\
# Generated by bench/generate_corpus.py: InkWell, a stationery brand.
lang: en
content: ["posts/**/*.md"]
brand:
  name: InkWell
  pillars:
    smooth writing: [smooth, glide, ink flow, quick-dry, smudge-proof]
    lasting quality: [durable, refill, refillable, lifetime, archival]
    thoughtful design: [design, colour, binding, grip, organiser]
  terms:
    prefer: {cheap: affordable, e-mail: email}
    avoid: {cash cow: slang that cheapens the brand}
    competitors: [Quillco]
hashtags:
  brand: ["#InkWell"]
  approved: ["#BackToSchool", "#Stationery", "#WorkFromHome", "#ExamSeason", "#Journaling", "#DeskSetup",
             "#FountainPen", "#StudyGram", "#BulletJournal", "#PenAddict", "#NoteTaking"]
  banned: ["#followforfollow"]
  require_brand_on: [instagram, linkedin]
audiences:
  students:      {channels: [instagram, x, tiktok, threads, youtube], max_grade: 7}
  professionals: {channels: [linkedin, x, bluesky, mastodon, threads, facebook], max_grade: 11}
  parents:       {channels: [facebook, instagram, pinterest, youtube], max_grade: 8}
repetition: {window_days: 30, threshold: 0.6}
"""


def write(posts: list[Post], meta: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / ".contentlint.yaml").write_text(CONFIG, encoding="utf-8")
    made: set[Path] = set()
    for p in posts:
        target = out / p.path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(render(p), encoding="utf-8")
    (out / "planted.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=10_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out} is not empty; refusing to mix corpora", file=sys.stderr)
        return 2
    posts, meta = generate(args.posts, args.seed)
    write(posts, meta, args.out)
    print(
        f"wrote {len(posts)} posts, {len(meta['pairs'])} planted pairs, {len(meta['problems'])} problems to {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
